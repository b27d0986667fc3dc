/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Compliance in the JSON results and the text summary (docs/json.md,
 * docs/compliance.md).  Computed from the plan by model/core/compliance.c;
 * the cJSON trees built here go into exporters/json.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "exporters_int.h"
#include "compliance_int.h"

static bool push(cJSON *arr, cJSON *item)
{
    if (!item)
        return false;
    if (!cJSON_AddItemToArray(arr, item)) {
        cJSON_Delete(item);
        return false;
    }
    return true;
}

/* The products of plan that meet control i for client c. */
static cJSON *met_by(const struct sp_problem *pb, const struct sp_plan *plan,
                     int c, int i)
{
    cJSON *arr = cJSON_CreateArray();
    int p;

    for (p = 0; arr && p < pb->nproducts; p++)
        if (sp_plan_has(plan, c, p) && sp_control_met_by(pb, i, p) &&
            !push(arr, cJSON_CreateString(pb->products[p].id))) {
            cJSON_Delete(arr);
            return NULL;
        }
    return arr;
}

static cJSON *client_framework(const struct sp_problem *pb,
                               const struct sp_plan *plan, int c, int f)
{
    cJSON *obj = cJSON_CreateObject(), *met = cJSON_CreateArray();
    cJSON *not_met = cJSON_CreateArray(), *by = cJSON_CreateArray();
    int i;

    if (!sp_json_put(obj, "client", cJSON_CreateString(pb->clients[c].id)) ||
        !sp_json_put(obj, "framework",
                     cJSON_CreateString(pb->frameworks[f].label)))
        goto fail;
    for (i = 0; i < pb->ncontrols; i++) {
        const struct sp_control *ct = &pb->controls[i];
        cJSON *e;
        if (ct->framework != f)
            continue;
        if (!sp_plan_meets_control(pb, plan, c, i)) {
            if (!push(not_met, cJSON_CreateString(ct->id)))
                goto fail;
            continue;
        }
        e = cJSON_CreateObject();
        if (!push(met, cJSON_CreateString(ct->id)) || !push(by, e) ||
            !sp_json_put(e, "control", cJSON_CreateString(ct->id)) ||
            !sp_json_put(e, "products", met_by(pb, plan, c, i)))
            goto fail;
    }
    if (!sp_json_put(obj, "met", met)) {
        met = NULL;
        goto fail;
    }
    met = NULL;
    if (!sp_json_put(obj, "not_met", not_met)) {
        not_met = NULL;
        goto fail;
    }
    not_met = NULL;
    if (!sp_json_put(obj, "met_by", by)) {
        by = NULL;
        goto fail;
    }
    return obj;

fail:
    cJSON_Delete(obj);
    cJSON_Delete(met);
    cJSON_Delete(not_met);
    cJSON_Delete(by);
    return NULL;
}

cJSON *sp_json_compliance(const struct sp_problem *pb,
                          const struct sp_settings *s,
                          const struct sp_plan *plan)
{
    cJSON *arr = cJSON_CreateArray();
    int c, f;

    for (c = 0; arr && plan && c < pb->nclients; c++)
        for (f = 0; f < pb->nframeworks; f++)
            if (sp_client_has_framework(pb, s, c, f) &&
                !push(arr, client_framework(pb, plan, c, f))) {
                cJSON_Delete(arr);
                return NULL;
            }
    return arr;
}

cJSON *sp_json_frameworks(const struct sp_problem *pb,
                          const struct sp_settings *s,
                          const struct sp_plan *plan,
                          const struct sp_plan *today)
{
    cJSON *arr = cJSON_CreateArray();
    int f, n, met;

    for (f = 0; arr && f < pb->nframeworks; f++) {
        const struct sp_framework *fw = &pb->frameworks[f];
        cJSON *obj;
        met = sp_compliance_count(pb, s, plan ? plan : today, f, &n);
        if (n == 0)
            continue; /* no client has it here */
        obj = cJSON_CreateObject();
        if (!push(arr, obj) ||
            !sp_json_put(obj, "framework", cJSON_CreateString(fw->label)) ||
            !sp_json_put(obj, "controls_in_scope",
                         cJSON_CreateNumber(fw->ncontrols)) ||
            !sp_json_put(obj, "framework_controls",
                         fw->total > 0 ? cJSON_CreateNumber(fw->total)
                                       : cJSON_CreateNull()) ||
            !sp_json_put(obj, "clients", cJSON_CreateNumber(n)) ||
            !sp_json_put(obj, "compliant_clients",
                         plan ? cJSON_CreateNumber(met) : cJSON_CreateNull()))
            goto fail;
        if (today && !sp_json_put(obj, "compliant_clients_today",
                                  cJSON_CreateNumber(sp_compliance_count(
                                      pb, s, today, f, &n))))
            goto fail;
    }
    return arr;

fail:
    cJSON_Delete(arr);
    return NULL;
}

static bool exempt_entry(cJSON *arr, const char *client, const char *rule,
                         const char *detail)
{
    cJSON *obj = cJSON_CreateObject();

    return push(arr, obj) &&
           sp_json_put(obj, "client", cJSON_CreateString(client)) &&
           sp_json_put(obj, "rule", cJSON_CreateString(rule)) &&
           sp_json_put(obj, "detail", cJSON_CreateString(detail));
}

cJSON *sp_json_exempt(const struct sp_problem *pb,
                      const struct sp_scenario *sc, const struct sp_plan *plan)
{
    cJSON *arr = cJSON_CreateArray();
    struct sp_scenario one;
    char msg[512];
    int k, c, i;
    size_t len;

    for (k = 0; arr && plan && k < sc->nkeep_clients; k++) {
        c = sc->keep_clients[k];
        one = *sc;
        one.guards.max_per_vendor = 0;
        if (sp_guard_violation(pb, &one, plan, c, msg, sizeof(msg)) &&
            !exempt_entry(arr, pb->clients[c].id, "separate", msg))
            goto fail;
        one = *sc;
        one.guards.ngroups = 0;
        if (sp_guard_violation(pb, &one, plan, c, msg, sizeof(msg)) &&
            !exempt_entry(arr, pb->clients[c].id, "max_categories_per_vendor",
                          msg))
            goto fail;
        for (i = 0; i < pb->ncontrols; i++) {
            const struct sp_control *ct = &pb->controls[i];
            if (!sp_client_has_framework(pb, &sc->settings, c,
                                         ct->framework) ||
                sp_plan_meets_control(pb, plan, c, i))
                continue;
            len = (size_t)snprintf(msg, sizeof(msg),
                                   "client %s does not meet control %s (%s) "
                                   "of %s",
                                   pb->clients[c].id, ct->id, ct->title,
                                   pb->frameworks[ct->framework].label);
            (void)len;
            if (!exempt_entry(arr, pb->clients[c].id, "controls", msg))
                goto fail;
        }
    }
    return arr;

fail:
    cJSON_Delete(arr);
    return NULL;
}

char *sp_compliance_line(const struct sp_problem *pb,
                         const struct sp_settings *s,
                         const struct sp_plan *plan,
                         const struct sp_plan *today)
{
    char *out = NULL;
    size_t len = 0, cap = 0;
    int f, n, met, listed = 0;

    for (f = 0; f < pb->nframeworks; f++) {
        const struct sp_framework *fw = &pb->frameworks[f];
        char part[512], scope[64];
        int w;
        met = sp_compliance_count(pb, s, plan, f, &n);
        if (n == 0)
            continue;
        if (fw->total > 0)
            snprintf(scope, sizeof(scope), "%d of %d controls in scope",
                     fw->ncontrols, fw->total);
        else
            snprintf(scope, sizeof(scope), "%d controls in scope",
                     fw->ncontrols);
        w = snprintf(part, sizeof(part), "%s%s %d of %d clients fully met",
                     listed++ ? "; " : "compliance: ", fw->label, met, n);
        if (today && w > 0 && (size_t)w < sizeof(part))
            w += snprintf(part + w, sizeof(part) - (size_t)w, " (today %d)",
                          sp_compliance_count(pb, s, today, f, &n));
        if (w > 0 && (size_t)w < sizeof(part))
            snprintf(part + w, sizeof(part) - (size_t)w, " [%s]", scope);
        w = (int)strlen(part);
        if (len + (size_t)w + 2 > cap) {
            char *grown;
            cap = (len + (size_t)w + 2) * 2;
            grown = realloc(out, cap);
            if (!grown) {
                free(out);
                return NULL;
            }
            out = grown;
        }
        memcpy(out + len, part, (size_t)w + 1);
        len += (size_t)w;
    }
    return out;
}

int sp_exempt_count(const struct sp_problem *pb, const struct sp_scenario *sc,
                    const struct sp_plan *plan)
{
    char msg[512];
    int k, c, i, n = 0;
    bool broken;

    for (k = 0; plan && k < sc->nkeep_clients; k++) {
        c = sc->keep_clients[k];
        broken = sp_guard_violation(pb, sc, plan, c, msg, sizeof(msg));
        for (i = 0; !broken && i < pb->ncontrols; i++)
            broken = sp_client_has_framework(pb, &sc->settings, c,
                                             pb->controls[i].framework) &&
                     !sp_plan_meets_control(pb, plan, c, i);
        n += broken;
    }
    return n;
}
