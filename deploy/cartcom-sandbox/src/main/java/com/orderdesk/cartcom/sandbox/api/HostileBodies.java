package com.orderdesk.cartcom.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bodies of a hostile store: huge lists streamed chunk by chunk, and answers dribbled a byte at a time. */
final class HostileBodies {

    private static final int CHUNK = 64 * 1024;

    private HostileBodies() {
    }

    /** A huge answer: its exact length and the output that writes it without holding it. */
    record Huge(long length, StreamingOutput output) {
    }

    /** The key of the list in a list envelope ({total_count, ..., key: [...]}), or null when not a list answer. */
    static String listKey(Object body) {
        if (body instanceof Map<?, ?> map && map.containsKey("total_count")) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() instanceof List<?>) {
                    return (String) e.getKey();
                }
            }
        }
        return null;
    }

    /**
     * {"total_count": n, "<key>": [row, row, ...]} of about mb megabytes: the answer's first row (or a padded
     * stand-in) n times. Valid JSON, so only a client that bounds what it reads is safe.
     */
    static Huge huge(Object body, int mb, ObjectMapper mapper) {
        String key = listKey(body);
        if (key == null) {
            return padded((Map<?, ?>) body, mb, mapper);
        }
        List<?> rows = (List<?>) ((Map<?, ?>) body).get(key);
        Object row = rows.isEmpty() ? standIn() : rows.get(0);
        byte[] rowBytes;
        try {
            rowBytes = mapper.writeValueAsBytes(row);
        } catch (JsonProcessingException e) {
            rowBytes = "{}".getBytes(StandardCharsets.US_ASCII);
        }
        long target = (long) mb * 1024 * 1024;
        long n = Math.max(1, target / (rowBytes.length + 1));
        byte[] prefix = ("{\"total_count\":" + n + ",\"" + key + "\":[").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "]}".getBytes(StandardCharsets.US_ASCII);
        long length = prefix.length + n * rowBytes.length + (n - 1) + suffix.length;
        byte[] one = rowBytes;
        StreamingOutput output = out -> {
            // One reusable chunk of ",row,row,...": the whole answer is never in memory.
            int perChunk = Math.max(1, CHUNK / (one.length + 1));
            byte[] chunk = new byte[perChunk * (one.length + 1)];
            for (int i = 0; i < perChunk; i++) {
                chunk[i * (one.length + 1)] = ',';
                System.arraycopy(one, 0, chunk, i * (one.length + 1) + 1, one.length);
            }
            out.write(prefix);
            out.write(one);
            long left = n - 1;
            while (left > 0) {
                int now = (int) Math.min(perChunk, left);
                out.write(chunk, 0, now * (one.length + 1));
                left -= now;
            }
            out.write(suffix);
            out.flush();
        };
        return new Huge(length, output);
    }

    /**
     * A single record (an order, a shipment, a status answer) with a {@code "padding"} string field that brings it to
     * about mb megabytes: what a server that appends junk to its answers sends.
     */
    private static Huge padded(Map<?, ?> record, int mb, ObjectMapper mapper) {
        byte[] whole;
        try {
            whole = mapper.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            whole = "{}".getBytes(StandardCharsets.US_ASCII);
        }
        // The record without its closing brace, then ,"padding":"xxx..."} (or "padding" alone for an empty record).
        byte[] prefix = Arrays.copyOf(whole, whole.length - 1);
        byte[] open = ((whole.length > 2 ? "," : "") + "\"padding\":\"").getBytes(StandardCharsets.US_ASCII);
        byte[] close = "\"}".getBytes(StandardCharsets.US_ASCII);
        long padding = Math.max(1, (long) mb * 1024 * 1024 - prefix.length - open.length - close.length);
        long length = prefix.length + open.length + padding + close.length;
        StreamingOutput output = out -> {
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) 'x');
            out.write(prefix);
            out.write(open);
            for (long left = padding; left > 0; left -= CHUNK) {
                out.write(chunk, 0, (int) Math.min(CHUNK, left));
            }
            out.write(close);
            out.flush();
        };
        return new Huge(length, output);
    }

    private static Map<String, Object> standIn() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", HostileRows.FIRST_MADE_UP_ID);
        char[] padding = new char[1000];
        Arrays.fill(padding, 'x');
        row.put("padding", new String(padding));
        return row;
    }

    /** Writes the body one byte every intervalMs; the status and headers go out with the first byte. */
    static StreamingOutput dribble(byte[] body, long intervalMs) {
        return out -> {
            for (byte b : body) {
                pause(intervalMs);
                out.write(b);
                out.flush();
            }
        };
    }

    /**
     * Dribbles the whole HTTP/1.1 answer, status line and headers included, one byte every intervalMs, below
     * Vert.x's HTTP encoder, then closes the connection (the HTTP layer never learns of the answer).
     */
    static void dribbleRaw(HttpServerRequest http, int status, String callLimit, byte[] body, long intervalMs) {
        ConnectionBase connection = (ConnectionBase) http.connection();
        Channel channel = connection.channel();
        ChannelHandlerContext belowEncoder = channel.pipeline().context("httpEncoder");
        if (belowEncoder == null) {
            channel.close();
            return;
        }
        String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Status") + "\r\n"
                + "Content-Type: application/json;charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + CartcomCallPipeline.CALL_LIMIT_HEADER + ": " + callLimit + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        try {
            for (byte b : all) {
                if (!channel.isActive()) {
                    return;
                }
                pause(intervalMs);
                belowEncoder.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {b}));
            }
        } finally {
            // Closed before the pipeline returns, so nothing the HTTP layer writes afterwards reaches the client.
            belowEncoder.writeAndFlush(Unpooled.EMPTY_BUFFER).awaitUninterruptibly(5_000);
            channel.close().awaitUninterruptibly(5_000);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
