/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-handout-layout.c: paper from the locale, text blocks in points and the flow of a
 * section onto pages: the map takes what the text leaves it, text runs on line by line. */

#define G_LOG_DOMAIN "caravan-handout"
/* nl_langinfo (_NL_PAPER_WIDTH) is a GNU extension. */
#define _GNU_SOURCE

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#ifdef HAVE_NL_PAPER
#include <langinfo.h>
#endif

#include "caravan-handout-layout.h"

CaravanPaper
caravan_paper_from_locale (void)
{
  const char *name;

#ifdef HAVE_NL_PAPER
  {
    /* glibc gives the paper's size in millimetres as the pointer's value. */
    int width = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);

    if (width == 216)
      return CARAVAN_PAPER_LETTER;
    if (width == 210)
      return CARAVAN_PAPER_A4;
  }
#endif
  name = setlocale (LC_PAPER, NULL);
  if (name == NULL || strcmp (name, "C") == 0)
    name = g_getenv ("LC_PAPER") != NULL ? g_getenv ("LC_PAPER") : g_getenv ("LANG");
  if (name != NULL && (g_str_has_prefix (name, "en_US") || g_str_has_prefix (name, "en_CA")))
    return CARAVAN_PAPER_LETTER;
  return CARAVAN_PAPER_A4;
}

gboolean
caravan_paper_from_string (const char   *name,
                           CaravanPaper *paper)
{
  if (name != NULL && g_ascii_strcasecmp (name, "a4") == 0)
    *paper = CARAVAN_PAPER_A4;
  else if (name != NULL && g_ascii_strcasecmp (name, "letter") == 0)
    *paper = CARAVAN_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
caravan_paper_get_size (CaravanPaper  paper,
                        double       *width,
                        double       *height)
{
  if (paper == CARAVAN_PAPER_LETTER)
    {
      *width = 612;   /* 8.5 × 11 inches */
      *height = 792;
    }
  else
    {
      *width = 210 / 25.4 * 72;
      *height = 297 / 25.4 * 72;
    }
}

PangoContext *
caravan_handout_create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

PangoLayout *
caravan_handout_text (PangoContext *context,
                      const char   *text,
                      const char   *font,
                      double        size,
                      double        width,
                      gsize         bold_prefix)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_font_description_set_size (description, (int) round (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
  /* Long words (addresses) break rather than run off the page. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Plain text: story text is never read as markup. */
  pango_layout_set_text (layout, text, -1);
  if (bold_prefix > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = bold_prefix;
      pango_attr_list_insert (attrs, bold);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

CaravanBlock *
caravan_block_new_text (PangoLayout *layout,
                        double       space_before)
{
  CaravanBlock *block = g_new0 (CaravanBlock, 1);

  block->kind = CARAVAN_BLOCK_TEXT;
  block->layout = layout;
  block->space_before = space_before;
  return block;
}

CaravanBlock *
caravan_block_new_map (double min_height,
                       double max_height,
                       double space_before)
{
  CaravanBlock *block = g_new0 (CaravanBlock, 1);

  block->kind = CARAVAN_BLOCK_MAP;
  block->min_height = min_height;
  block->max_height = max_height;
  block->space_before = space_before;
  return block;
}

void
caravan_block_free (CaravanBlock *block)
{
  g_clear_object (&block->layout);
  g_free (block);
}

void
caravan_page_clear (CaravanPage *page)
{
  g_clear_pointer (&page->placements, g_array_unref);
}

/* Top and bottom of line @index of @layout, in points from the layout's top. */
static void
line_range (PangoLayout *layout,
            int          index,
            double      *top,
            double      *bottom)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0 = 0, y1 = 0;

  for (int i = 0; i < index; i++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  *top = y0 / (double) PANGO_SCALE;
  *bottom = y1 / (double) PANGO_SCALE;
}

static double
text_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return h / (double) PANGO_SCALE;
}

static CaravanPage *
new_page (GArray *pages,
          guint   section)
{
  CaravanPage page = { g_array_new (FALSE, TRUE, sizeof (CaravanPlacement)), section,
                       FALSE };

  for (guint i = pages->len; i > 0; i--)
    if (g_array_index (pages, CaravanPage, i - 1).section == section)
      {
        page.continued = TRUE;
        break;
      }
  g_array_append_val (pages, page);
  return &g_array_index (pages, CaravanPage, pages->len - 1);
}

void
caravan_handout_flow (GPtrArray *blocks,
                      double     height,
                      guint      section,
                      GArray    *pages)
{
  double text = 0, y = 0, map_height = 0;
  CaravanPage *page;

  /* The map gets what the text leaves on the first page, within its limits. */
  for (guint i = 0; i < blocks->len; i++)
    {
      CaravanBlock *block = g_ptr_array_index (blocks, i);

      text += block->space_before + (block->kind == CARAVAN_BLOCK_TEXT ? text_height (block->layout)
                                                                      : 0);
    }
  for (guint i = 0; i < blocks->len; i++)
    {
      CaravanBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == CARAVAN_BLOCK_MAP)
        map_height = CLAMP (floor (height - text - 1), block->min_height, block->max_height);
    }

  page = new_page (pages, section);
  for (guint i = 0; i < blocks->len; i++)
    {
      CaravanBlock *block = g_ptr_array_index (blocks, i);
      double before = page->placements->len > 0 ? block->space_before : 0;

      if (block->kind == CARAVAN_BLOCK_MAP)
        {
          CaravanPlacement placement = { block, 0, 0, 0, map_height };

          if (page->placements->len > 0 && y + before + map_height > height)
            {
              page = new_page (pages, section);
              y = before = 0;
            }
          placement.y = y + before;
          g_array_append_val (page->placements, placement);
          y = placement.y + map_height;
          continue;
        }

      {
        int n_lines = pango_layout_get_line_count (block->layout);
        int line = 0;

        /* A heading that would end a page, with nothing of what it heads, starts the next. */
        if (block->keep_with_next && i + 1 < blocks->len && page->placements->len > 0)
          {
            CaravanBlock *next = g_ptr_array_index (blocks, i + 1);
            double top, bottom, need = before + text_height (block->layout) + next->space_before;

            if (next->kind == CARAVAN_BLOCK_TEXT)
              {
                line_range (next->layout, 0, &top, &bottom);
                need += bottom;
              }
            if (y + need > height)
              {
                page = new_page (pages, section);
                y = before = 0;
              }
          }

        while (line < n_lines)
          {
            CaravanPlacement placement = { block, y + before, line, 0, 0 };
            double start, top, bottom;

            line_range (block->layout, line, &start, &bottom);
            while (line + placement.n_lines < n_lines)
              {
                line_range (block->layout, line + placement.n_lines, &top, &bottom);
                if (placement.y + bottom - start > height && (placement.n_lines > 0 ||
                                                              page->placements->len > 0))
                  break;
                placement.n_lines++;
              }
            if (placement.n_lines == 0)
              {
                page = new_page (pages, section);
                y = before = 0;
                continue;
              }
            line_range (block->layout, line + placement.n_lines - 1, &top, &bottom);
            placement.height = bottom - start;
            g_array_append_val (page->placements, placement);
            y = placement.y + placement.height;
            line += placement.n_lines;
            if (line < n_lines)
              {
                page = new_page (pages, section);
                y = before = 0;
              }
          }
      }
    }
}

void
caravan_handout_draw_text (cairo_t                *cr,
                           const CaravanPlacement *placement,
                           double                  x,
                           double                  y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (placement->block->layout);
  double start = -1;
  int index = 0;

  /* Only the lines placed here: each is text once in the file, so searching and copying find
   * it once. */
  do
    {
      if (index >= placement->first_line && index < placement->first_line + placement->n_lines)
        {
          PangoRectangle logical;
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if (start < 0)
            start = y0 / (double) PANGO_SCALE;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + logical.x / (double) PANGO_SCALE,
                         y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE - start);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}
