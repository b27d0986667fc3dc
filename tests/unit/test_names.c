/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What `stackplan import` compares and derives names with
 * (docs/import.md): case folding, client-id slugs, export dates. */
#include <stdlib.h>
#include "../tap.h"
#include "import_int.h"

static void fold(const char *s, const char *want)
{
    char *got = sp_name_fold(s);

    is_str(got, want, "fold '%s' = '%s'", s, want);
    free(got);
}

static void slug(const char *s, const char *want)
{
    char *got = sp_slug(s);

    is_str(got, want, "slug '%s' = '%s'", s, want);
    free(got);
}

static void date_ok(const char *s, enum sp_date_order order, const char *want)
{
    struct sp_date d = {0, 0, 0};
    char buf[11] = "";
    enum sp_import_date_result r = sp_import_date_parse(s, order, &d);

    if (r == SP_IDATE_OK)
        sp_date_format(&d, buf);
    ok(r == SP_IDATE_OK && strcmp(buf, want) == 0, "date '%s' (%s) = %s", s,
       sp_import_date_form(order), want);
}

static void date_bad(const char *s, enum sp_date_order order,
                     enum sp_import_date_result want)
{
    struct sp_date d;

    ok(sp_import_date_parse(s, order, &d) == want, "date '%s' (%s) is %s", s,
       sp_import_date_form(order),
       want == SP_IDATE_TWO_DIGIT_YEAR ? "a two-digit year" : "bad");
}

int main(void)
{
    /* trimming, white space, ASCII and Latin-1 */
    fold("  Café   Zoë ", "café zoë");
    fold("CAFÉ\tZOË", "café zoë");
    fold("Cafe\xC2\xA0Zoe", "cafe zoe"); /* no-break space */
    fold("ÀÉÎÕÜÝÞ", "àéîõüýþ");
    fold("×÷ß", "×÷ß"); /* no case; simple folding keeps ß */
    fold("µ", "μ");
    /* Latin Extended-A: pairs in both parities, the exceptions */
    fold("ĀĂĄĆČĎĐĘĚĞĦĲĶ", "āăąćčďđęěğħĳķ");
    fold("ĹĻĽĿŁŃŅŇ", "ĺļľŀłńņň");
    fold("ŊŒŔŠŢŦŨŴŶ", "ŋœŕšţŧũŵŷ");
    fold("ŸŹŻŽ", "ÿźżž");
    fold("ſ", "s");
    fold("İı", "İı");
    /* Greek and Cyrillic */
    fold("ΣΊΣΥΦΟΣ", "σίσυφοσ");
    fold("ς", "σ");
    fold("ΆΈΉΊΌΎΏ", "άέήίόύώ");
    fold("МОСКВА ЁЖ Її Ґ", "москва ёж її ґ");
    fold("ӁӀӐ", "ӂӏӑ");
    /* outside the folded blocks: kept as is */
    fold("ＡＢ", "ＡＢ");
    fold("", "");

    slug("Harbor Dental Group", "harbor-dental-group");
    slug("Keystone Legal, LLP", "keystone-legal-llp");
    slug("Zoë's Café", "zoe-s-cafe");
    slug("Größe Straße", "grosse-strasse");
    slug("Ærø Æblegård", "aero-aeblegard");
    slug("Łódź Øst", "lodz-ost");
    slug("Þórsmörk", "thorsmork");
    slug("Œuvre Ĳssel", "oeuvre-ijssel");
    slug("--Acme (Pty) Ltd.--", "acme-pty-ltd");
    slug("Ωmega 42", "mega-42");
    slug("---", "client");
    slug("", "client");
    slug("Компания", "client");

    date_ok("2027-06-30", SP_DATE_MDY, "2027-06-30");
    date_ok("6/30/2027", SP_DATE_MDY, "2027-06-30");
    date_ok("06-30-2027", SP_DATE_MDY, "2027-06-30");
    date_ok("6.30.2027", SP_DATE_MDY, "2027-06-30");
    date_ok("6/30/2027 12:00:00 AM", SP_DATE_MDY, "2027-06-30");
    date_ok("30.06.2027", SP_DATE_DMY, "2027-06-30");
    date_ok("30.06.2027.", SP_DATE_DMY, "2027-06-30");
    date_ok("1-7-2027", SP_DATE_DMY, "2027-07-01");
    date_ok("2027/06/30", SP_DATE_YMD, "2027-06-30");
    date_ok("2027-06-30T00:00:00Z", SP_DATE_YMD, "2027-06-30");
    date_ok("2/29/2028", SP_DATE_MDY, "2028-02-29");
    date_bad("6/30/27", SP_DATE_MDY, SP_IDATE_TWO_DIGIT_YEAR);
    date_bad("30.06.27", SP_DATE_DMY, SP_IDATE_TWO_DIGIT_YEAR);
    date_bad("27-06-30", SP_DATE_YMD, SP_IDATE_TWO_DIGIT_YEAR);
    date_bad("30/6/2027", SP_DATE_MDY, SP_IDATE_BAD);
    date_bad("2/29/2027", SP_DATE_MDY, SP_IDATE_BAD);
    date_bad("6/30-2027", SP_DATE_MDY, SP_IDATE_BAD);
    date_bad("2027/06/30", SP_DATE_MDY, SP_IDATE_BAD);
    date_bad("6/30/2027x", SP_DATE_MDY, SP_IDATE_BAD);
    date_bad("June 30, 2027", SP_DATE_MDY, SP_IDATE_BAD);
    date_bad("", SP_DATE_YMD, SP_IDATE_BAD);
    return done_testing();
}
