/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-handout.h: the printed handout of a story: a title page (title, subtitle, an overview
 * map with every pin and route, credits, licence, sources), then a page for each presentation
 * step (its map, title, date and place, quote with its source, fact-check note, what happened),
 * page numbers. Drawn with Cairo and Pango into a PDF or a printer's cairo_t; all text is text.
 * No GTK. */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "caravan-handout-layout.h"
#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_HANDOUT (caravan_handout_get_type ())
G_DECLARE_FINAL_TYPE (CaravanHandout, caravan_handout, CARAVAN, HANDOUT, GObject)

CaravanHandout *caravan_handout_new        (CaravanStory   *story);
/* Lays the handout out for pages of @width × @height points, measuring text with @cr (whose
 * user space is points), and returns the number of pages: 1 + the steps, more only when a
 * step's text does not fit on its page. */
guint           caravan_handout_paginate   (CaravanHandout *self,
                                            cairo_t        *cr,
                                            double          width,
                                            double          height);
guint           caravan_handout_get_n_pages (CaravanHandout *self);
/* The first page (from 0) of the title page (0) or of step @step + 1; G_MAXUINT if none. */
guint           caravan_handout_get_section_page (CaravanHandout *self,
                                                  guint           section);
/* Draws page @page (from 0) of the last pagination into @cr, user space in points. */
void            caravan_handout_draw_page  (CaravanHandout *self,
                                            cairo_t        *cr,
                                            guint           page);

/* The whole handout as a PDF on @paper. */
GBytes         *caravan_handout_to_pdf     (CaravanStory   *story,
                                            CaravanPaper    paper,
                                            GError        **error);
/* Writes the PDF atomically (a temporary file renamed over @file). */
gboolean        caravan_handout_save_pdf   (CaravanStory   *story,
                                            CaravanPaper    paper,
                                            GFile          *file,
                                            GCancellable   *cancellable,
                                            GError        **error);

G_END_DECLS
