/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-handout-layout.h: the handout's page layout: paper sizes, text blocks set with Pango in
 * points, and the flow that puts a section's blocks (a map and text) onto pages, splitting text
 * between lines when it does not fit. No GTK. */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum
{
  CARAVAN_PAPER_A4,
  CARAVAN_PAPER_LETTER,
} CaravanPaper;

/* Letter where the locale's LC_PAPER says so (or, without that, en_US and en_CA), else A4. */
CaravanPaper caravan_paper_from_locale (void);
/* "a4" or "letter" (any case); FALSE for anything else. */
gboolean     caravan_paper_from_string (const char   *name,
                                        CaravanPaper *paper);
/* Width and height in points (1/72 inch). */
void         caravan_paper_get_size    (CaravanPaper  paper,
                                        double       *width,
                                        double       *height);

typedef enum
{
  CARAVAN_BLOCK_TEXT,
  CARAVAN_BLOCK_MAP,
} CaravanBlockKind;

typedef struct
{
  CaravanBlockKind kind;
  PangoLayout *layout;        /* text: set to the content width */
  double space_before;        /* points above it, unless it starts a page */
  double indent;              /* points from the left margin */
  double min_height;          /* maps: the flow gives what is left between these */
  double max_height;
  gboolean keep_with_next;    /* a heading never ends a page */
  gboolean rule;              /* a grey rule at the left of the text (quotes, notes) */
  double gray;                /* text colour: 0 black, up to 1 white */
} CaravanBlock;

typedef struct
{
  CaravanBlock *block;
  double y;                   /* top, points from the top of the content area */
  int first_line;             /* text: the lines placed here */
  int n_lines;
  double height;
} CaravanPlacement;

typedef struct
{
  GArray *placements;         /* CaravanPlacement */
  guint section;              /* 0: the title page; then 1 + the step */
  gboolean continued;         /* a section's second or later page */
} CaravanPage;

/* A context whose sizes are points in @cr's user space, with metrics that do not depend on the
 * surface (the same lines on screen, in a PNG, in the PDF and on the printer). */
PangoContext *caravan_handout_create_context (cairo_t       *cr);
/* @text (plain text, never markup) in @font at @size points, wrapped at @width points. @bold_prefix
 * (may be 0) is the length in bytes of a bold start ("Fact check:"). */
PangoLayout  *caravan_handout_text     (PangoContext  *context,
                                        const char    *text,
                                        const char    *font,
                                        double         size,
                                        double         width,
                                        gsize          bold_prefix);
CaravanBlock *caravan_block_new_text   (PangoLayout   *layout,
                                        double         space_before);
CaravanBlock *caravan_block_new_map    (double         min_height,
                                        double         max_height,
                                        double         space_before);
void          caravan_block_free       (CaravanBlock  *block);

/* Lays out @blocks, one section, on pages whose content area is @height points high, appending
 * CaravanPages to @pages (each with its own placements array). A map gets the room the text
 * leaves, within its limits; text that does not fit goes on with the next page, line by line. */
void          caravan_handout_flow     (GPtrArray     *blocks,
                                        double         height,
                                        guint          section,
                                        GArray        *pages);
void          caravan_page_clear       (CaravanPage   *page);
/* Draws the placed lines of a text placement with its top-left at (@x, @y). */
void          caravan_handout_draw_text (cairo_t                *cr,
                                         const CaravanPlacement *placement,
                                         double                  x,
                                         double                  y);

G_END_DECLS
