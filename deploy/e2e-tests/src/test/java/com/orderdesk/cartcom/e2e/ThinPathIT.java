package com.orderdesk.cartcom.e2e;

import com.orderdesk.cartcom.launcher.LocalSystem;

/** The thin path ({@link ThinPath}) on the local stack as it runs by default: a broker that lets any client in. */
class ThinPathIT extends ThinPath {
    @Override
    LocalSystem.Options options(LocalSystem.Options plain) {
        return plain;
    }
}
