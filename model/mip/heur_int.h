/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The heuristic's state, shared by its three files: heuristic.c (the
 * first plan and its improvement), cover.c (the cover DP) and bounds.c
 * (vendor-set bounds and root covers).  Private to model/mip.
 */
#ifndef SP_HEUR_INT_H
#define SP_HEUR_INT_H

#include "mip_int.h"

/* A client's cover DP runs over the 2^n subsets of its n required
 * categories; beyond this many the heuristic gives no plan (the search
 * does without a first one). */
#define MAX_BITS 20
/* repack's table: whole units up to a tier minimum, one byte per client
 * and unit; beyond these the heuristic leaves the level to the MIP. */
#define REPACK_MAX_UNITS 1e7
#define REPACK_MAX_CELLS 1e8

struct heur {
    const struct sp_model *m;
    const struct sp_problem *pb;
    unsigned char *kept; /* nvendors: its products may be used */
    unsigned char *must; /* nvendors: required, or run by a kept client */
    int *level;          /* nproducts: the price level a client pays */
    int *first;          /* nclients + 1: client c's cands */
    unsigned *bits;      /* ncands: the required categories it covers */
    int *nbits;          /* nclients: how many categories c requires */
    double *best;        /* DP over category subsets */
    int *via, *from;
    struct sp_plan *plan, *trial;
    double cost; /* of plan, by model/core/cost.c */

    /* h->plan's cost by parts, for moving one client at a time */
    double *units;          /* nproducts: units on p */
    double *sumlic;         /* nproducts * maxlev: its clients' licence at l */
    int *users;             /* nvendors: (client, product) pairs on v */
    double *fee;            /* nvendors: H * (fee + labour), the y objective */
    int *vfirst, *vprod;    /* vendor v's products: vprod[vfirst[v] ...] */
    double *marg;           /* ncands: a candidate's cost in the cover DP;
                               HUGE_VAL = not usable, <= 0 = always taken */
    int *use;               /* the cover DP's usable candidates of a client */
    int *pick;              /* 3 * nproducts: a client's new products, its
                               current ones, and both (cands indices) */
    int *target;            /* nproducts: the level the LP priced p at */
    int pinned_p, pinned_l; /* product p priced at level l whatever its
                               units (repack), -1 = none */
    struct move *moves;     /* nclients: who could move onto a product */
};

/* What moving a client onto a product costs per unit it brings. */
struct move {
    double per_unit;
    int client;
};

/* ---- cover.c ----------------------------------------------------------- */

/** Candidate cd's cost at the price level h gives its product. */
double sp_heur_cand_cost(const struct heur *h, const struct sp_cand *cd);
/** Whether cd's vendor is kept. */
bool sp_heur_usable(const struct heur *h, const struct sp_cand *cd);
/** Client c's cheapest cover at the costs in h->marg, as cands indices in
 *  h->pick; how many, or -1 when there is none. */
int sp_heur_cheapest_cover(struct heur *h, int c);
/** Client c's cheapest cover by the kept vendors into out. */
bool sp_heur_cover_client(struct heur *h, int c, struct sp_plan *out);
/** Every client covered (as the LP in lp rounds, where it does); false
 *  when one cannot be covered. */
bool sp_heur_cover_all(struct heur *h, glp_prob *lp, struct sp_plan *out);

/* ---- heuristic.c ------------------------------------------------------- */

/** h for model m; false when out of memory, *too_wide when a client
 *  requires more than MAX_BITS categories. */
bool sp_heur_init(struct heur *h, const struct sp_model *m, bool *too_wide);
void sp_heur_free(struct heur *h);

#endif
