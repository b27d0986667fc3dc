/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * GLPK kept inside the library (model/mip/glpk_guard.c, formulate.c):
 * a GLPK fatal error comes back as SP_ERR_SOLVER with GLPK's message
 * instead of ending the process; GLPK writes nothing to stdout, its lines
 * go to the log callback; ids with control characters that reach the
 * model (through the API: the loaders refuse them) are solved, not
 * aborted on.  And the one tier rule of model/core/cost.c.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../tap.h"
#include "mip_int.h"

struct log {
    int lines;
    int glpk; /* lines of GLPK's own branch-and-bound output */
    char first[512];
};

static void on_log(const char *line, void *user)
{
    struct log *l = user;

    if (l->lines++ == 0)
        snprintf(l->first, sizeof(l->first), "%s", line);
    if (strstr(line, "mip =") || strstr(line, ">>>>>"))
        l->glpk++;
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* A bad GLPK call inside a guard, as a solve's entry holds one. */
static enum sp_status bad_call(struct sp_glpk_guard *g, struct log *log,
                               char *err, size_t errsize)
{
    glp_prob *lp;

    sp_glpk_guard_begin(g, on_log, log);
    if (setjmp(g->jump))
        return sp_glpk_guard_failed(g, err, errsize);
    lp = glp_create_prob();
    /* column 99 of an empty problem: glp_error, then abort() */
    glp_set_col_name(lp, 99, "x");
    sp_glpk_guard_end(g);
    return SP_OK;
}

/* A GLPK error inside a guard: back at the setjmp, with the message. */
static void test_fatal_error(void)
{
    struct sp_glpk_guard *g = malloc(sizeof(*g));
    struct log log = {0};
    char err[512] = "";
    enum sp_status st;
    glp_prob *lp;

    st = bad_call(g, &log, err, sizeof(err));
    free(g);
    ok(st == SP_ERR_SOLVER, "a GLPK error returns SP_ERR_SOLVER (%d)", st);
    ok(strstr(err, "column number out of range") != NULL,
       "with GLPK's message: %s", err);
    ok(log.lines >= 1, "GLPK's lines reached the log (%d)", log.lines);
    /* GLPK works again after glp_free_env */
    lp = glp_create_prob();
    ok(glp_add_cols(lp, 2) == 1, "GLPK usable after the error");
    glp_delete_prob(lp);
}

/* Ids with control characters in the model; GLPK's output on the log
 * only, nothing on stdout. */
static void test_names_and_stdout(const char *dir)
{
    struct sp_problem *pb = NULL;
    sp_result *res = NULL;
    struct sp_solve_options so;
    struct log log = {0};
    char err[512] = "", path[512];
    struct stat sb;
    enum sp_status st;
    int saved, fd;

    write_file(dir, "catalog.csv",
               "product,vendor,covers,unit,price\n"
               "MAIL,Acme,email,user,4\nMAIL2,Beta,email,user,5\n"
               "EDR,Shield,endpoint,device,6\nBAK,Vault,backup,server,30\n");
    write_file(dir, "clients.csv",
               "client,users,devices,servers\nc1,10,12,1\nc2,5,5,1\n");
    write_file(dir, "tiers.csv", "product,min_units,price\nMAIL,15,3\n");
    write_file(dir, "scenarios.json",
               "{\"settings\":{\"start_date\":\"2027-01-01\"}}");
    st = sp_problem_load(dir, NULL, &pb, NULL);
    ok(st == SP_OK, "the data folder loads (%d)", st);
    if (st != SP_OK)
        return;
    /* what the loaders refuse, put in through the structs */
    free(pb->clients[0].id);
    pb->clients[0].id = strdup("c\t1\n");
    free(pb->products[0].id);
    pb->products[0].id = strdup("MA\x01IL\x7f");
    free(pb->vendors[0].name);
    pb->vendors[0].name = strdup("Ac\x1fme");

    memset(&so, 0, sizeof(so));
    so.log = on_log;
    so.log_user = &log;
    snprintf(path, sizeof(path), "%s/stdout", dir);
    fflush(stdout);
    saved = dup(1);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 1);
    close(fd);
    st = sp_solve(pb, &so, &res, err, sizeof(err));
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    ok(st == SP_OK, "solved with control characters in ids (%d %s)", st, err);
    ok(res && strcmp(sp_result_status(res, 0), "optimal") == 0,
       "status optimal");
    /* 15 users on MAIL reach its tier: 36 x (15 x 3 + 17 x 6 + 2 x 30) */
    if (res)
        is_num(sp_result_total(res, 0), 36.0 * (45 + 102 + 60), 0.005,
               "total at the tier price");
    ok(stat(path, &sb) == 0 && sb.st_size == 0,
       "nothing written to stdout during the solve (%ld bytes)",
       (long)sb.st_size);
    ok(log.lines > 0, "the log got %d lines, first: %s", log.lines, log.first);
    ok(log.glpk > 0, "GLPK's own lines among them (%d)", log.glpk);
    unlink(path);
    sp_result_free(res);
    sp_problem_free(pb);
}

static void test_tier_rule(void)
{
    double t = 0.1 + 4.1 + 0.8, s = 0.0;
    static const double ten[] = {3.0, 5.2, 6.6, 4.5, 7.4,
                                 4.6, 5.9, 3.5, 8.5, 0.8};
    size_t i;

    for (i = 0; i < sizeof(ten) / sizeof(ten[0]); i++)
        s += ten[i];
    ok(t < 5.0 && sp_tier_reached(t, 5.0),
       "0.1 + 4.1 + 0.8 = %.17g reaches a tier of 5", t);
    ok(s < 50.0 && sp_tier_reached(s, 50.0),
       "ten one-decimal counts summing to 50 (%.17g) reach a tier of 50", s);
    ok(!sp_tier_reached(4.999, 5.0), "4.999 does not reach 5");
    ok(!sp_tier_reached(999999.99, 1e6), "999999.99 does not reach 1e6");
    ok(sp_tier_reached(999999.9995, 1e6),
       "999999.9995 does (a billionth of the minimum)");
    ok(sp_tier_reached(0.0, 0.0) && sp_tier_reached(0.0, 1e-12),
       "a tier at 0 is always reached");
    is_num(sp_tier_threshold(1e9), 1e9 - 1.0, 1e-6,
           "the tolerance is relative above 1");
    is_num(sp_tier_threshold(0.5), 0.5 - 1e-9, 1e-15, "and absolute below 1");
}

int main(void)
{
    char dir[] = "/tmp/sp-guard.XXXXXX";
    char path[600];
    static const char *const files[] = {"catalog.csv", "clients.csv",
                                        "tiers.csv", "scenarios.json"};
    size_t i;

    test_tier_rule();
    test_fatal_error();
    if (mkdtemp(dir)) {
        test_names_and_stdout(dir);
        for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
            snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
            unlink(path);
        }
        rmdir(dir);
    } else {
        ok(0, "a temporary folder");
    }
    return done_testing();
}
