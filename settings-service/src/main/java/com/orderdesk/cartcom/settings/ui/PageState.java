package com.orderdesk.cartcom.settings.ui;

/**
 * What one request adds to the stored state of the store before the page is drawn: a notice after a change, the input
 * of a refused form (kept so the merchant corrects rather than retypes) with its problem, the activity filter and page.
 */
public record PageState(String notice, String domainInput, Problem connectionProblem, SettingsForm settingsForm,
                        Problem settingsProblem, String sinceInput, Problem importProblem, boolean refreshStatuses,
                        String level, int page) {

    public static PageState of(String notice, String level, int page, boolean refreshStatuses) {
        return new PageState(notice, null, null, null, null, null, null, refreshStatuses, level, page);
    }

    public static PageState plain() {
        return of(null, null, 0, false);
    }

    public PageState connectionRefused(String domain, Problem problem) {
        return new PageState(notice, domain, problem, settingsForm, settingsProblem, sinceInput, importProblem,
                refreshStatuses, level, page);
    }

    public PageState settingsRefused(SettingsForm form, Problem problem) {
        return new PageState(notice, domainInput, connectionProblem, form, problem, sinceInput, importProblem,
                refreshStatuses, level, page);
    }

    public PageState importRefused(String since, Problem problem) {
        return new PageState(notice, domainInput, connectionProblem, settingsForm, settingsProblem, since, problem,
                refreshStatuses, level, page);
    }
}
