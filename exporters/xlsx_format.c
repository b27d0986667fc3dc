/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cell formats shared by the scenario workbook and the client proposal. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "xlsx_int.h"

#define SP_COLOR_HEADER 0x1F3864 /* dark blue header fill */
#define SP_COLOR_INPUT_BG 0xFFF2CC
#define SP_COLOR_INPUT_FG 0x0000FF /* blue: a value the user may edit */
#define SP_COLOR_BAD_BG 0xFFC7CE
#define SP_COLOR_BAD_FG 0x9C0006
#define SP_COLOR_GOOD_BG 0xC6EFCE
#define SP_COLOR_GOOD_FG 0x006100

void sp_xfmt_currency(const char *currency, int extra, char *buf, size_t size)
{
    const char *decimals = extra ? "0.00##" : "0.00";
    char code[16];
    size_t i, n = 0;

    /* Only letters and digits reach the format string: a quote in the
     * code would end the literal and break the format. */
    for (i = 0; currency && currency[i] && n + 1 < sizeof(code); i++)
        if (isalnum((unsigned char)currency[i]))
            code[n++] = (char)toupper((unsigned char)currency[i]);
    code[n] = '\0';

    if (strcmp(code, "USD") == 0)
        snprintf(buf, size, "$#,##%s", decimals);
    else if (strcmp(code, "EUR") == 0)
        snprintf(buf, size, "\"\xE2\x82\xAC\"#,##%s", decimals);
    else if (strcmp(code, "GBP") == 0)
        snprintf(buf, size, "\"\xC2\xA3\"#,##%s", decimals);
    else if (n == 0)
        snprintf(buf, size, "#,##%s", decimals);
    else
        snprintf(buf, size, "#,##%s \"%s\"", decimals, code);
}

static lxw_format *fmt_new(lxw_workbook *wb, bool *ok)
{
    lxw_format *f = workbook_add_format(wb);

    if (!f)
        *ok = false;
    return f;
}

/* Money cells print the symbol too: count it toward column widths. */
static int symbol_width(const char *currency)
{
    if (!currency || !*currency)
        return 0;
    if (strcmp(currency, "USD") == 0 || strcmp(currency, "EUR") == 0 ||
        strcmp(currency, "GBP") == 0)
        return 1;
    return (int)strlen(currency) + 1;
}

bool sp_xfmt_init(struct sp_xfmt *f, lxw_workbook *wb, const char *currency)
{
    char money[64], price[64];
    bool ok = true;

    memset(f, 0, sizeof(*f));
    sp_xfmt_currency(currency, 0, money, sizeof(money));
    sp_xfmt_currency(currency, 1, price, sizeof(price));
    f->symbol_width = symbol_width(currency);
    f->letter = currency &&
                (strcmp(currency, "USD") == 0 || strcmp(currency, "CAD") == 0);

    f->title = fmt_new(wb, &ok);
    f->subtitle = fmt_new(wb, &ok);
    f->note = fmt_new(wb, &ok);
    f->header = fmt_new(wb, &ok);
    f->section = fmt_new(wb, &ok);
    f->text = fmt_new(wb, &ok);
    f->wrap = fmt_new(wb, &ok);
    f->bold = fmt_new(wb, &ok);
    f->money = fmt_new(wb, &ok);
    f->money_total = fmt_new(wb, &ok);
    f->price = fmt_new(wb, &ok);
    f->price_input = fmt_new(wb, &ok);
    f->number = fmt_new(wb, &ok);
    f->number_input = fmt_new(wb, &ok);
    f->percent = fmt_new(wb, &ok);
    f->total_label = fmt_new(wb, &ok);
    f->link = fmt_new(wb, &ok);
    f->bad = fmt_new(wb, &ok);
    f->good = fmt_new(wb, &ok);
    if (!ok)
        return false;

    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    format_set_font_color(f->title, SP_COLOR_HEADER);
    format_set_font_color(f->subtitle, 0x595959);
    format_set_italic(f->note);
    format_set_font_color(f->note, 0x595959);

    format_set_bold(f->header);
    format_set_font_color(f->header, LXW_COLOR_WHITE);
    format_set_bg_color(f->header, SP_COLOR_HEADER);
    format_set_text_wrap(f->header);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(f->header, LXW_BORDER_THIN);

    format_set_bold(f->section);
    format_set_font_size(f->section, 12);
    format_set_font_color(f->section, SP_COLOR_HEADER);

    format_set_bold(f->bold);
    format_set_text_wrap(f->wrap);
    /* the inputs of a protected sheet */
    format_set_unlocked(f->price_input);
    format_set_unlocked(f->number_input);
    format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);

    format_set_num_format(f->money, money);
    format_set_num_format(f->money_total, money);
    format_set_bold(f->money_total);
    format_set_top(f->money_total, LXW_BORDER_THIN);
    format_set_num_format(f->price, price);
    format_set_num_format(f->price_input, price);
    format_set_font_color(f->price_input, SP_COLOR_INPUT_FG);
    format_set_bg_color(f->price_input, SP_COLOR_INPUT_BG);
    format_set_font_color(f->number_input, SP_COLOR_INPUT_FG);
    format_set_bg_color(f->number_input, SP_COLOR_INPUT_BG);
    format_set_num_format(f->percent, "0.00%");

    format_set_bold(f->total_label);
    format_set_top(f->total_label, LXW_BORDER_THIN);

    format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(f->link, LXW_COLOR_BLUE);

    format_set_bg_color(f->bad, SP_COLOR_BAD_BG);
    format_set_font_color(f->bad, SP_COLOR_BAD_FG);
    format_set_bg_color(f->good, SP_COLOR_GOOD_BG);
    format_set_font_color(f->good, SP_COLOR_GOOD_FG);
    return true;
}

void sp_xfmt_set_owner(struct sp_xfmt *f, const char *msp_name)
{
    size_t i, j = 0;

    /* "&" starts a code in a page header: double it; keep room for the
     * header's own codes (Excel allows 255 characters in all) */
    for (i = 0; msp_name && msp_name[i] && j + 3 < 100; i++) {
        if (msp_name[i] == '&')
            f->page_owner[j++] = '&';
        f->page_owner[j++] = msp_name[i];
    }
    while (j > 0 && ((unsigned char)f->page_owner[j - 1] & 0xC0) == 0xC0)
        j--; /* never end in the middle of a UTF-8 sequence */
    f->page_owner[j] = '\0';
}
