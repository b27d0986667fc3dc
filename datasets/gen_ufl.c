/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Facility-location books (`stackplan generate --family ufl`,
 * `ufl-uniform`, `--from-orlib FILE`).
 *
 * The uncapacitated facility location problem is the core of stackplan's
 * model: vendors are facilities whose overhead is the fixed cost of
 * opening them, and a client's licence on a vendor's product is the cost
 * of serving it from there.  These books have that structure and nothing
 * else: every vendor sells one product of the one category every client
 * requires, every client runs every product today at its own contracted
 * monthly_cost (the assignment cost c[i][j]), month-to-month, no labour,
 * no migration, horizon 1 month.  So a plan's total cost is exactly the
 * UFL objective Σ f[i] y[i] + Σ c[i][j] x[i][j], and an instance from a
 * public benchmark library keeps its known optimum.
 *
 * Drawn costs follow the literature's classes: points uniform in a
 * 7000 × 7000 square with Euclidean distances (Kochetov and Ivanenko's
 * "Euclidean" class, fixed cost 3000), or costs uniform in [1, 10000];
 * the fixed cost is 3000 × clients / facilities, which is 3000 on square
 * instances and keeps the same cost per client served on others.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_int.h"
#include "stackplan.h"

#define SQUARE 7000.0
#define FIXED_PER_CLIENT 3000.0

/* splitmix64, as in generate.c (own copy: the streams are this file's) */
static uint64_t mix(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double unit_draw(uint64_t *state)
{
    return (double)(mix(state) >> 11) * (1.0 / 9007199254740992.0);
}

/* One instance in memory: m facilities, n clients, cost[j * m + i]. */
struct ufl {
    int m, n;
    double *fixed; /* m */
    double *cost;  /* n * m */
};

static void ufl_free(struct ufl *u)
{
    free(u->fixed);
    free(u->cost);
}

static int ufl_alloc(struct ufl *u, char *err, size_t errsize)
{
    u->fixed = malloc((size_t)u->m * sizeof(double));
    u->cost = malloc((size_t)u->m * (size_t)u->n * sizeof(double));
    if (!u->fixed || !u->cost) {
        sp_gen_set_err(err, errsize, "out of memory");
        return SP_ERR_NOMEM;
    }
    return SP_OK;
}

/* Costs to the cent: the books are money. */
static double cents(double x)
{
    return floor(x * 100.0 + 0.5) / 100.0;
}

static int ufl_draw(const struct sp_generate_options *o, struct ufl *u,
                    char *err, size_t errsize)
{
    uint64_t state = o->seed ^ 0x5b1f4c3a2d6e7f81ULL;
    double *px = NULL, *py = NULL, fixed;
    int i, j, st;

    u->m = o->vendors;
    u->n = o->clients;
    st = ufl_alloc(u, err, errsize);
    if (st != SP_OK)
        return st;
    fixed = cents(FIXED_PER_CLIENT * u->n / u->m);
    for (i = 0; i < u->m; i++)
        u->fixed[i] = fixed;
    if (o->family == SP_GEN_UFL_UNIFORM) {
        for (j = 0; j < u->n; j++)
            for (i = 0; i < u->m; i++)
                u->cost[(size_t)j * (size_t)u->m + (size_t)i] =
                    1.0 + floor(unit_draw(&state) * 10000.0);
        return SP_OK;
    }
    px = malloc((size_t)(u->m + u->n) * sizeof(double));
    py = malloc((size_t)(u->m + u->n) * sizeof(double));
    if (!px || !py) {
        free(px);
        free(py);
        sp_gen_set_err(err, errsize, "out of memory");
        return SP_ERR_NOMEM;
    }
    /* facilities first, then clients, each a point of the square */
    for (i = 0; i < u->m + u->n; i++) {
        px[i] = unit_draw(&state) * SQUARE;
        py[i] = unit_draw(&state) * SQUARE;
    }
    for (j = 0; j < u->n; j++)
        for (i = 0; i < u->m; i++)
            u->cost[(size_t)j * (size_t)u->m + (size_t)i] =
                cents(hypot(px[u->m + j] - px[i], py[u->m + j] - py[i]));
    free(px);
    free(py);
    return SP_OK;
}

/* ---- ORLIB `cap` files ----------------------------------------------------
 *
 *   m n
 *   capacity fixed_cost        (m lines; capacity may be a word)
 *   demand                     (n times: the demand, then m costs of
 *   c_1 ... c_m                 serving all of it from each facility,
 *                               over as many lines as the file likes)
 *
 * Capacities and demands are read and ignored: the uncapacitated problem
 * on the same costs (the ORLIB uncapacitated set cap71-cap134 is in this
 * format with its capacities unused).
 */
struct tokens {
    FILE *fp;
    const char *path;
    int line;
    char text[64];
};

/* The next whitespace-separated token; 0 at the end of the file. */
static int next_token(struct tokens *t)
{
    int ch, n = 0;

    while ((ch = getc(t->fp)) != EOF && isspace(ch))
        if (ch == '\n')
            t->line++;
    if (ch == EOF)
        return 0;
    while (ch != EOF && !isspace(ch)) {
        if (n + 1 < (int)sizeof(t->text))
            t->text[n++] = (char)ch;
        ch = getc(t->fp);
    }
    if (ch == '\n')
        ungetc(ch, t->fp);
    t->text[n] = '\0';
    return 1;
}

/* A number >= 0 (any, or whole with whole); what = what it is. */
static int read_number(struct tokens *t, const char *what, int whole,
                       double *out, char *err, size_t errsize)
{
    char *end;
    double v;

    if (!next_token(t)) {
        sp_gen_set_err(err, errsize,
                       "%s:%d: expected %s, got the end of "
                       "the file",
                       t->path, t->line, what);
        return SP_ERR_INPUT;
    }
    errno = 0;
    v = strtod(t->text, &end);
    if (end == t->text || *end != '\0' || errno != 0 || !isfinite(v) ||
        v < 0 || (whole && v != floor(v))) {
        sp_gen_set_err(err, errsize, "%s:%d: expected %s, got '%s'", t->path,
                       t->line, what, t->text);
        return SP_ERR_INPUT;
    }
    *out = v;
    return SP_OK;
}

static int ufl_read_orlib(const char *path, struct ufl *u, char *err,
                          size_t errsize)
{
    struct tokens t;
    double x;
    int i, j, st;
    char what[96];

    memset(&t, 0, sizeof(t));
    t.path = path;
    t.line = 1;
    t.fp = fopen(path, "r");
    if (!t.fp) {
        sp_gen_set_err(err, errsize, "%s: cannot open: %s", path,
                       strerror(errno));
        return SP_ERR_IO;
    }
    st = read_number(&t, "the number of facilities m", 1, &x, err, errsize);
    if (st == SP_OK && (x < 1 || x > SP_GEN_MAX_VENDORS)) {
        sp_gen_set_err(err, errsize, "%s:%d: m must be from 1 to %d, got %g",
                       path, t.line, SP_GEN_MAX_VENDORS, x);
        st = SP_ERR_INPUT;
    }
    u->m = (int)x;
    if (st == SP_OK)
        st = read_number(&t, "the number of customers n", 1, &x, err, errsize);
    if (st == SP_OK && (x < 1 || x > SP_GEN_MAX_CLIENTS)) {
        sp_gen_set_err(err, errsize, "%s:%d: n must be from 1 to %d, got %g",
                       path, t.line, SP_GEN_MAX_CLIENTS, x);
        st = SP_ERR_INPUT;
    }
    u->n = (int)x;
    if (st == SP_OK)
        st = ufl_alloc(u, err, errsize);
    for (i = 0; st == SP_OK && i < u->m; i++) {
        /* the capacity: a number, or a word in the capa/b/c files */
        if (!next_token(&t)) {
            sp_gen_set_err(err, errsize,
                           "%s:%d: expected the capacity of facility %d, "
                           "got the end of the file",
                           path, t.line, i + 1);
            st = SP_ERR_INPUT;
            break;
        }
        snprintf(what, sizeof(what), "the fixed cost of facility %d", i + 1);
        st = read_number(&t, what, 0, &u->fixed[i], err, errsize);
    }
    for (j = 0; st == SP_OK && j < u->n; j++) {
        snprintf(what, sizeof(what), "the demand of customer %d", j + 1);
        st = read_number(&t, what, 0, &x, err, errsize);
        for (i = 0; st == SP_OK && i < u->m; i++) {
            snprintf(what, sizeof(what),
                     "the cost of customer %d from facility %d", j + 1, i + 1);
            st = read_number(&t, what, 0,
                             &u->cost[(size_t)j * (size_t)u->m + (size_t)i],
                             err, errsize);
        }
    }
    if (st == SP_OK && next_token(&t)) {
        sp_gen_set_err(err, errsize,
                       "%s:%d: expected the end of the file after %d "
                       "customers, got '%s'",
                       path, t.line, u->n, t.text);
        st = SP_ERR_INPUT;
    }
    fclose(t.fp);
    return st;
}

/* ---- writing ------------------------------------------------------------ */

static int id_width(int n)
{
    int w = 3;

    for (; n >= 1000 && w < 9; n /= 10)
        w++;
    return w;
}

static void write_files(const struct ufl *u, FILE **fp)
{
    int fw = id_width(u->m), cw = id_width(u->n), i, j;

    fputs("product,vendor,name,covers,unit,price,min_units,setup_fee\n",
          fp[0]);
    for (i = 0; i < u->m; i++)
        fprintf(fp[0],
                "F%0*d,Facility %0*d,Service from facility %0*d,"
                "service,flat,1.00,,\n",
                fw, i + 1, fw, i + 1, fw, i + 1);
    fputs("client,name,users,devices,servers,tb,requires\n", fp[1]);
    for (j = 0; j < u->n; j++)
        fprintf(fp[1], "c%0*d,Customer %0*d,1,,,,\n", cw, j + 1, cw, j + 1);
    fputs("client,product,units,monthly_cost,contract_end,termination_fee\n",
          fp[2]);
    for (j = 0; j < u->n; j++)
        for (i = 0; i < u->m; i++)
            fprintf(fp[2], "c%0*d,F%0*d,,%.12g,,\n", cw, j + 1, fw, i + 1,
                    u->cost[(size_t)j * (size_t)u->m + (size_t)i]);
    fputs("vendor,monthly_fee,admin_hours,min_commit\n", fp[3]);
    for (i = 0; i < u->m; i++)
        fprintf(fp[3], "Facility %0*d,%.12g,0,0\n", fw, i + 1, u->fixed[i]);
    fputs("{\n"
          "  \"settings\": {\"horizon_months\": 1, \"labor_rate\": 0,\n"
          "               \"start_date\": \"2027-01-01\",\n"
          "               \"migration_hours_fixed\": 0,"
          " \"migration_hours_per_unit\": 0,\n"
          "               \"required\": [\"service\"],\n"
          "               \"currency\": \"USD\", \"markup\": 0},\n"
          "  \"scenarios\": [\n"
          "    {\"name\": \"optimal\"}\n"
          "  ]\n}\n",
          fp[4]);
}

int sp_generate_ufl(const struct sp_generate_options *o, const char *out_dir,
                    struct sp_generate_summary *summary, char *err,
                    size_t errsize)
{
    static const char *const names[5] = {"catalog.csv", "clients.csv",
                                         "inventory.csv", "vendors.csv",
                                         "scenarios.json"};
    struct sp_gen_out files[5];
    FILE *fp[5];
    struct ufl u;
    int st, i;

    memset(&u, 0, sizeof(u));
    memset(files, 0, sizeof(files));
    if (o->orlib) {
        st = ufl_read_orlib(o->orlib, &u, err, errsize);
    } else if (o->clients < 1 || o->clients > SP_GEN_MAX_CLIENTS ||
               o->vendors < 1 || o->vendors > SP_GEN_MAX_VENDORS) {
        sp_gen_set_err(err, errsize,
                       "clients must be from 1 to %d and facilities from 1 "
                       "to %d",
                       SP_GEN_MAX_CLIENTS, SP_GEN_MAX_VENDORS);
        st = SP_ERR_USAGE;
    } else {
        st = ufl_draw(o, &u, err, errsize);
    }
    if (st == SP_OK)
        st = sp_gen_prepare_dir(out_dir, o->force, err, errsize);
    for (i = 0; st == SP_OK && i < 5; i++) {
        st = sp_gen_out_open(&files[i], out_dir, names[i], err, errsize);
        fp[i] = files[i].fp;
    }
    if (st == SP_OK)
        write_files(&u, fp);
    for (i = 0; i < 5; i++)
        if (!sp_gen_out_finish(&files[i], st == SP_OK, err, errsize))
            st = SP_ERR_IO;
    for (i = 0; i < 5; i++)
        if (!sp_gen_out_commit(&files[i], st == SP_OK, err, errsize))
            st = SP_ERR_IO;
    if (st == SP_OK)
        st = sp_gen_remove_stale(out_dir, "tiers.csv", err, errsize);
    if (st == SP_OK && summary) {
        summary->clients = u.n;
        summary->products = u.m;
        summary->vendors = u.m;
        summary->categories = 1;
        summary->holdings = u.n * u.m;
        summary->tiers = 0;
    }
    ufl_free(&u);
    return st;
}
