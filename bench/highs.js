#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// HiGHS peer for bench/families.sh: solves one CPLEX LP file (as
// `stackplan solve --write-lp` writes it) with the npm package `highs`
// (HiGHS compiled to WebAssembly) and prints one JSON line:
//
//   {"status":"Optimal","objective":...,"bound":...,"gap":...,"seconds":...}
//
//   node bench/highs.js FILE.lp [TIME_LIMIT_SECONDS]
//
// The package is looked up on NODE_PATH (families.sh points it at the
// --highs-dir install), then as a plain require.  Any failure -- the
// package missing, the LP file rejected, WebAssembly running out of
// memory on a large model -- is reported as {"status":"error",...} with
// exit code 1, so that the bench prints "error" and goes on.
"use strict";

const fs = require("fs");

function finish(obj, code) {
    process.stdout.write(JSON.stringify(obj) + "\n");
    process.exitCode = code;
}

function num(v) {
    // JSON has no Infinity; HiGHS reports unknown bounds as +-inf
    return typeof v === "number" && Number.isFinite(v) ? v : null;
}

async function main() {
    const file = process.argv[2];
    const limit = Number(process.argv[3] || 60);
    if (!file) {
        finish({ status: "error", reason: "usage: highs.js FILE.lp [SECONDS]" }, 2);
        return;
    }
    let loader;
    try {
        loader = require("highs");
    } catch (e) {
        finish({ status: "error", reason: "npm package highs not found: " + e.message }, 1);
        return;
    }
    const highs = await (loader.default || loader)();
    const lp = fs.readFileSync(file, "utf8");
    // the same targets stackplan uses: a 1e-6 relative gap is a proof
    const options = {
        time_limit: limit,
        mip_rel_gap: 1e-6,
        output_flag: false,
    };
    const t0 = process.hrtime.bigint();
    const secs = () => Number(process.hrtime.bigint() - t0) / 1e9;

    if (typeof highs.createModel !== "function") {
        // older packages only have the one-shot solve(): no bound, no gap
        const r = highs.solve(lp, options);
        finish({ status: r.Status, objective: num(r.ObjectiveValue),
                 bound: null, gap: null, seconds: secs(),
                 version: "legacy" }, 0);
        return;
    }
    const model = highs.createModel({ format: "lp", data: lp });
    try {
        model.options.set(options);
        model.run();
        const st = model.getModelStatus();
        const names = highs.constants.modelStatus;
        const status = Object.keys(names).find((k) => names[k] === st) || String(st);
        const info = (k) => {
            try {
                return num(Number(model.info.get(k)));
            } catch (e) {
                return null;
            }
        };
        const hasPlan = info("primal_solution_status") === 2;
        finish({
            status,
            objective: hasPlan ? num(model.getObjectiveValue()) : null,
            bound: info("mip_dual_bound"),
            gap: hasPlan ? info("mip_gap") : null,
            seconds: secs(),
            version: highs.version ? highs.version.string || highs.version.highs || null : null,
        }, 0);
    } finally {
        model.dispose();
    }
}

main().catch((e) => {
    finish({ status: "error", reason: String(e && e.message ? e.message : e).slice(0, 200) }, 1);
});
