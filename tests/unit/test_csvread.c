/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV reader: BOM, CRLF, delimiter detection, quotes, line numbers,
 * blank lines, long input; and a whole data folder read by
 * sp_problem_load. */
#include <stdlib.h>
#include <string.h>
#include "../tap.h"
#include "importers_int.h"

static struct sp_csv *parse(const char *text, sp_diags *diags)
{
    struct sp_csv *csv = NULL;
    enum sp_status st = sp_csv_parse(text, strlen(text), "t.csv", &csv, diags);

    ok(st == SP_OK && csv, "parses (status %d)", (int)st);
    return csv;
}

static void test_basic(void)
{
    sp_diags *d = sp_diags_new();
    struct sp_csv *csv = parse("\xEF\xBB\xBF"
                               "Product, Unit Price ,x\r\n"
                               "a, 1 ,\"q\"\r\n"
                               "\r\n"
                               "  \r\n"
                               ",,\r\n"
                               "b,2,\"say \"\"hi\"\", \nthen; go\"\r\n"
                               "c,3,z",
                               d);

    if (!csv)
        goto done;
    ok(csv->delim == ',', "',' file");
    ok(csv->ncols == 3, "three header fields");
    is_str(csv->header[0], "Product", "the BOM is skipped");
    is_str(csv->header[1], "Unit Price", "header fields are trimmed");
    is_str(csv->norm[1], "unit_price", "and normalised");
    ok(csv->header_line == 1, "the header is line 1");
    ok(csv->nrecords == 3, "blank lines are skipped (%zu records)",
       csv->nrecords);
    is_str(sp_csv_field(csv, 0, 1), "1", "fields are trimmed");
    is_str(sp_csv_field(csv, 0, 2), "q", "quotes are removed");
    ok(csv->records[0].line == 2, "record 1 on line 2");
    is_str(sp_csv_field(csv, 1, 2), "say \"hi\", \nthen; go",
           "a quoted field holds quotes, delimiters and a newline");
    ok(csv->records[1].line == 6, "record 2 starts on line 6 (got %d)",
       csv->records[1].line);
    ok(csv->records[2].line == 8, "record 3 starts on line 8 (got %d)",
       csv->records[2].line);
    is_str(sp_csv_field(csv, 2, 2), "z", "the last line needs no newline");
    is_str(sp_csv_field(csv, 2, 7), "", "a missing field is empty");
    is_str(sp_csv_field(csv, 2, -1), "", "an absent column is empty");
    ok(sp_diags_count(d) == 0, "no diagnostics");
done:
    sp_csv_free(csv);
    sp_diags_free(d);
}

static void test_semicolon(void)
{
    sp_diags *d = sp_diags_new();
    struct sp_csv *csv;

    csv = parse("\"a,b,c\";d;e\n1,5;\"x;y\";2\n", d);
    if (csv) {
        ok(csv->delim == ';', "more ';' than ',' outside quotes: ';' file");
        is_str(sp_csv_field(csv, 0, 0), "1,5", "',' is data in a ';' file");
        is_str(sp_csv_field(csv, 0, 1), "x;y", "quoted ';' is data");
    }
    sp_csv_free(csv);
    csv = parse("\n\n\"a;b;c\",d\n1,2\n", d);
    if (csv) {
        ok(csv->delim == ',', "';' inside quotes does not count");
        ok(csv->header_line == 3, "the header is the first line that is "
                                  "not blank");
        ok(csv->records[0].line == 4, "so the first record is line 4");
    }
    sp_csv_free(csv);
    csv = parse("a;b,c\n", d);
    if (csv)
        ok(csv->delim == ',', "a tie is a ',' file");
    sp_csv_free(csv);
    csv = parse("a\rb\rc\r", d);
    if (csv) {
        ok(csv->nrecords == 2, "a lone CR ends a line");
        ok(csv->records[1].line == 3, "and counts as one");
    }
    sp_csv_free(csv);
    sp_diags_free(d);
}

static void test_bad(void)
{
    sp_diags *d = sp_diags_new();
    struct sp_csv *csv = NULL;
    const struct sp_diag *g;
    char line[512];

    csv = parse("a,b\n1,2\n3,4,5,,\n6,7,,\n", d);
    if (csv) {
        ok(csv->nrecords == 3, "every record is kept");
        ok(!csv->records[0].bad, "a short record is fine");
        ok(csv->records[1].bad, "a record with an extra value is bad");
        ok(!csv->records[2].bad, "trailing empty fields are fine");
        ok(sp_diags_errors(d) == 1, "one error");
        g = sp_diags_get(d, 0);
        if (g) {
            sp_diag_format(g, line, sizeof(line));
            is_str(line,
                   "stackplan: t.csv:3: expected at most 2 fields as in the "
                   "header, got 3 (a value holding ',' must be in double "
                   "quotes)",
                   "the error names the line");
        }
    }
    sp_csv_free(csv);
    sp_diags_free(d);

    d = sp_diags_new();
    csv = parse("a,b\n1,2\n3,\"open\n4,5\n", d);
    if (csv) {
        ok(csv->nrecords == 2 && csv->records[1].bad,
           "a record cut by an unclosed quote is bad");
        g = sp_diags_get(d, 0);
        ok(g && g->line == 3, "the error is on the record's first line");
    }
    sp_csv_free(csv);
    sp_diags_free(d);

    d = sp_diags_new();
    csv = NULL;
    ok(sp_csv_parse("a\nb\xff\n", 5, "t.csv", &csv, d) == SP_ERR_INPUT,
       "bytes that are not UTF-8 are refused");
    g = sp_diags_get(d, 0);
    ok(g && g->line == 2, "on the line they are on");
    ok(csv == NULL, "nothing is returned");
    ok(sp_csv_parse("a\0b\n", 4, "t.csv", &csv, d) == SP_ERR_INPUT,
       "a NUL byte is refused");
    ok(sp_csv_parse("\n \n", 3, "t.csv", &csv, d) == SP_ERR_INPUT,
       "a file without a header is refused");
    sp_diags_free(d);
}

static void test_bind(void)
{
    static const struct sp_csv_column cols[] = {{"product", true},
                                                {"price", true},
                                                {"min_units", false},
                                                {"setup_fee", false}};
    sp_diags *d = sp_diags_new();
    struct sp_csv *csv = parse("PRODUCT;Min-Units;Notes;;min units\n", d);
    int idx[4];
    char line[512];

    if (csv) {
        ok(sp_csv_bind(csv, cols, 4, idx, true, d) == SP_OK, "binds");
        ok(idx[0] == 0 && idx[2] == 1 && idx[3] == -1,
           "columns are found by normalised name");
        ok(sp_diags_errors(d) == 2, "two errors: price missing, min_units "
                                    "twice");
        ok(sp_diags_count(d) == 4, "two warnings: Notes, a nameless column");
        sp_diag_format(sp_diags_get(d, 0), line, sizeof(line));
        is_str(line,
               "stackplan: t.csv:1: column 'Notes': warning: unknown "
               "column; ignored",
               "unknown column");
        sp_diag_format(sp_diags_get(d, 2), line, sizeof(line));
        is_str(line,
               "stackplan: t.csv:1: column 'min units': expected once "
               "in the header, got it again as column 5",
               "repeated column");
        sp_diag_format(sp_diags_get(d, 3), line, sizeof(line));
        is_str(line,
               "stackplan: t.csv:1: column 'price': required column is "
               "missing from the header",
               "missing column");
    }
    sp_csv_free(csv);
    sp_diags_free(d);
}

/* A 5 MB file with a 1 MB line: read in one pass (the reader feeds
 * libcsv a line at a time and must not turn quadratic). */
static void test_large(void)
{
    const size_t rows = 100000, big = 1 << 20;
    size_t cap = 10u << 20, n = 0, i;
    char *text = malloc(cap);
    sp_diags *d = sp_diags_new();
    struct sp_csv *csv = NULL;
    bool lines_ok = true;

    if (!text || !d) {
        ok(0, "out of memory");
        free(text);
        sp_diags_free(d);
        return;
    }
    n += (size_t)sprintf(text + n, "id,note,price\n");
    n += (size_t)sprintf(text + n, "big,\"");
    for (i = 0; i < big; i++)
        text[n++] = i % 64 == 63 ? '\n' : (char)('a' + i % 26);
    n += (size_t)sprintf(text + n, "\",1\n");
    /* And one physical line of 1 MB. */
    n += (size_t)sprintf(text + n, "big2,");
    for (i = 0; i < big; i++)
        text[n++] = (char)('a' + i % 26);
    n += (size_t)sprintf(text + n, ",2\n");
    for (i = 0; i < rows; i++)
        n += (size_t)sprintf(text + n,
                             "r%zu,some words here to fill up,"
                             "%zu.50\n",
                             i, i);
    while (n < (5u << 20))
        n += (size_t)sprintf(text + n, "\n");
    ok(sp_csv_parse(text, n, "big.csv", &csv, d) == SP_OK && csv,
       "a %zu byte file parses", n);
    if (csv) {
        ok(csv->nrecords == rows + 2, "every record is read (%zu)",
           csv->nrecords);
        ok(strlen(sp_csv_field(csv, 0, 1)) == big,
           "the 1 MB quoted field is whole");
        ok(strlen(sp_csv_field(csv, 1, 1)) == big, "the 1 MB line is whole");
        is_str(sp_csv_field(csv, 1, 2), "2", "and its last field");
        /* The big field holds big / 64 newlines. */
        for (i = 1; i < csv->nrecords && lines_ok; i++)
            lines_ok = csv->records[i].line == (int)(2 + big / 64 + i);
        ok(lines_ok, "line numbers count the big field's newlines");
        is_str(sp_csv_field(csv, rows + 1, 0), "r99999", "the last record");
    }
    sp_csv_free(csv);
    sp_diags_free(d);
    free(text);
}

/* tests/cases/check_european through sp_problem_load: BOM, CRLF, ';',
 * European numbers, quoted fields, any column order. */
static void test_load(void)
{
    const char *top = getenv("top_srcdir");
    char dir[4096];
    struct sp_load_options opt = {NULL, 0, 0, "2027-01-01", NULL};
    sp_diags *d = sp_diags_new();
    sp_problem *pb = NULL;
    enum sp_status st;
    int p;

    snprintf(dir, sizeof(dir), "%s/tests/cases/check_european",
             top ? top : ".");
    st = sp_problem_load(dir, &opt, &pb, d);
    ok(st == SP_OK && pb, "the European folder loads (status %d)", (int)st);
    if (!pb)
        goto done;
    ok(pb->nproducts == 4 && pb->nclients == 2 && pb->nholdings == 3,
       "4 products, 2 clients, 3 inventory rows");
    p = sp_problem_find_product(pb, "BAK");
    ok(p >= 0 && pb->products[p].price == 1234.5, "\"1.234,50\" = 1234.5");
    ok(p >= 0 && pb->products[p].unit == SP_UNIT_SERVER, "Server unit");
    p = sp_problem_find_product(pb, "MAIL");
    ok(p >= 0 && pb->products[p].price == 4, "4,00 = 4");
    ok(p >= 0 && pb->products[p].setup_fee == 12.5, "EUR 12,5 = 12.5");
    ok(p >= 0 && pb->products[p].min_units == 5, "Min Units column");
    ok(p >= 0 && pb->products[p].ncovers == 1, "Email|email is one category");
    ok(p >= 0 && strcmp(pb->products[p].name, "MAIL") == 0,
       "name defaults to the id");
    ok(p >= 0 && pb->products[p].line == 3, "MAIL is on line 3");
    p = sp_problem_find_product(pb, "EDR");
    ok(p >= 0 && pb->products[p].price == 6.5, "\xE2\x82\xAC 6,50 = 6.5");
    ok(p >= 0 && pb->products[p].line == 5,
       "EDR is on line 5, after a quoted newline");
    ok(p >= 0 && strcmp(pb->vendors[pb->products[p].vendor].name,
                        "Shield \"Pro\"") == 0,
       "doubled quotes in a vendor name");
    p = sp_problem_find_product(pb, "SUITE");
    ok(p >= 0 && pb->products[p].setup_fee == 1000, "1.000,00 = 1000");
    ok(p >= 0 && pb->products[p].ncovers == 2, "email | endpoint");
    ok(p >= 0 && pb->products[p].line == 7, "a blank line still counts");
    ok(pb->nvendors == 3 && strcmp(pb->vendors[0].name, "Vault Inc") == 0,
       "vendors in first-seen order");
    ok(pb->clients[0].count[SP_UNIT_TB] == 0.5, "0,5 tb");
    ok(pb->clients[0].count[SP_UNIT_FLAT] == 1, "flat count is 1");
    ok(pb->clients[1].nrequires == 3, "EMAIL|Endpoint|backup");
    ok(pb->holdings[0].has_monthly_cost && pb->holdings[0].monthly_cost == 40,
       "monthly cost column with a space");
    ok(pb->holdings[1].has_termination_fee &&
           pb->holdings[1].termination_fee == 1200,
       "termination fee \"1.200,00\"");
    ok(!pb->holdings[1].has_units, "units not given");
    ok(pb->clients[0].nholdings == 2 && pb->clients[1].nholdings == 1,
       "holdings linked to clients");
    ok(pb->nscenarios == 1 && strcmp(pb->scenarios[0].name, "optimal") == 0,
       "one default scenario");
    ok(pb->settings.start_date.year == 2027 && !pb->settings.start_date_given,
       "start date from options->today");
    ok(pb->scenarios[0].max_vendors == -1, "no vendor limit");
    ok(pb->products[0].resale_price == pb->products[0].price,
       "resale price defaults to price with markup 0");
    ok(sp_diags_count(d) == 0, "no diagnostics without verbose");
done:
    sp_problem_free(pb);
    sp_diags_free(d);
}

int main(void)
{
    test_basic();
    test_semicolon();
    test_bad();
    test_bind();
    test_large();
    test_load();
    return done_testing();
}
