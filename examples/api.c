/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The library from C, with nothing but the installed header: load a data
 * folder, solve every scenario, print what each keeps and what it saves,
 * the products of the first client, the first plan's margin against
 * today's, and the capabilities it takes from clients.  Build it against an
 * installed stackplan with
 *
 *     cc api.c $(pkg-config --cflags --libs stackplan) -o api
 *
 * `make check` builds it against the library in the tree (which exports
 * only the documented API) and runs it on the sample.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stackplan.h>

int main(int argc, char **argv)
{
    struct sp_load_options lo = {0};
    struct sp_solve_options so = {0};
    sp_diags *diags = sp_diags_new();
    sp_problem *pb = NULL;
    sp_result *res = NULL;
    struct sp_margin now, today;
    char err[1024];
    int i, k, rc = 1;

    if (argc != 2 || !diags) {
        fprintf(stderr, "usage: api DATA_DIR\n");
        sp_diags_free(diags);
        return 2;
    }
    if (sp_problem_load(argv[1], &lo, &pb, diags) != SP_OK) {
        fprintf(stderr, "api: %s: %zu problems in the data\n", argv[1],
                sp_diags_count(diags));
        goto out;
    }
    if (sp_solve(pb, &so, &res, err, sizeof(err)) != SP_OK) {
        fprintf(stderr, "api: %s\n", err);
        goto out;
    }
    printf("stackplan %s; baseline %.2f\n", sp_version(),
           sp_result_baseline_total(res));
    for (i = 0; i < sp_result_count(res); i++) {
        printf("%s: %s, total %.2f, saves %.2f, keeps", sp_result_name(res, i),
               sp_result_status(res, i), sp_result_total(res, i),
               sp_result_savings(res, i));
        for (k = 0; k < sp_result_vendor_count(res, i); k++)
            printf(" %s", sp_result_vendor(res, i, k));
        printf("\n");
    }
    if (sp_result_count(res) > 0 && sp_result_client_count(res) > 0) {
        printf("%s runs", sp_result_client(res, 0));
        for (k = 0; k < sp_result_product_count(res, 0, 0); k++)
            printf(" %s", sp_result_product(res, 0, 0, k));
        printf("\n");
    }
    /* what the MSP earns, and what the first plan takes from a client */
    if (sp_result_count(res) > 0 && sp_result_margin(res, 0, &now) == 0 &&
        sp_result_margin(res, SP_RESULT_BASELINE, &today) == 0)
        printf("margin of %s: %.2f a month (today %.2f)\n",
               sp_result_name(res, 0), now.margin_monthly,
               today.margin_monthly);
    for (i = 0; sp_result_count(res) > 0 && i < sp_result_client_count(res);
         i++)
        for (k = 0; k < sp_result_lost_count(res, 0, i); k++)
            printf("%s loses %s\n", sp_result_client(res, i),
                   sp_result_lost(res, 0, i, k));
    rc = 0;
out:
    sp_result_free(res);
    sp_problem_free(pb);
    sp_diags_free(diags);
    return rc;
}
