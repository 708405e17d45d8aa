/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-handout.c: the handout's content, page by page: the title page and one page per
 * step, their maps drawn as vectors straight into the page with the tile renderer (sharp at any
 * printer's resolution) and the story's pins and routes over them, the footer with the page
 * number; and the PDF that holds them. The layout is in caravan-handout-layout.c. */

#define G_LOG_DOMAIN "caravan-handout"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>

#include "caravan-article.h"
#include "caravan-basemap.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-file-save.h"
#include "caravan-handout.h"
#include "caravan-place.h"
#include "caravan-story.h"
#include "caravan-story-overlay.h"
#include "caravan-tile-renderer.h"

#define MARGIN_X 50.0           /* points, about 18 mm */
#define MARGIN_TOP 46.0
#define MARGIN_BOTTOM 58.0      /* the footer sits in it */
/* A map pixel is 0.75 pt, as a 96 dpi screen's: the base map's labels print at 8–9 pt. Not a
 * whole number, so the label placer draws its labels as text, not as cached images. */
#define POINTS_PER_PIXEL 0.75
/* Pins and their names a quarter bigger than on screen: names print at 11 pt and more. */
#define PIN_SCALE 1.25
/* The step maps show what a 1280 px wide window shows at the step's camera. */
#define SCREEN_WIDTH 1280.0
/* Step maps closer than this get a locator map of the region in a corner. */
#define INSET_FROM_ZOOM 7.0
/* About 2,500 km across the locator: the country and its neighbours. */
#define INSET_ZOOM 3.3

struct _CaravanHandout
{
  GObject              parent_instance;

  CaravanStory        *story;
  CaravanTileRenderer *renderer;
  GArray              *events;     /* CaravanEvent *, borrowed from the story, in step order */
  double               width, height;
  GPtrArray           *sections;   /* a GPtrArray of CaravanBlock for each section */
  GArray              *pages;      /* CaravanPage */
  PangoContext        *context;
};

G_DEFINE_FINAL_TYPE (CaravanHandout, caravan_handout, G_TYPE_OBJECT)

static double
content_width (CaravanHandout *self)
{
  return self->width - 2 * MARGIN_X;
}

static CaravanBlock *
add_text (CaravanHandout *self,
          GPtrArray      *blocks,
          const char     *text,
          const char     *font,
          double          size,
          double          space_before,
          double          indent,
          gsize           bold_prefix)
{
  CaravanBlock *block;

  if (text == NULL || text[0] == '\0')
    return NULL;
  block = caravan_block_new_text (caravan_handout_text (self->context, text, font, size,
                                                        content_width (self) - indent,
                                                        bold_prefix),
                                  space_before);
  block->indent = indent;
  g_ptr_array_add (blocks, block);
  return block;
}

static GPtrArray *
title_blocks (CaravanHandout *self)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) caravan_block_free);
  GListModel *articles = caravan_story_get_articles (self->story);
  double area = self->height - MARGIN_TOP - MARGIN_BOTTOM;
  CaravanBlock *block;
  g_autofree char *attribution = NULL, *steps = NULL;

  add_text (self, blocks, caravan_story_get_title (self->story), "Sans Bold", 26, 0, 0, 0);
  block = add_text (self, blocks, caravan_story_get_subtitle (self->story), "Sans", 14, 6, 0, 0);
  if (block != NULL)
    block->gray = 0.3;
  g_ptr_array_add (blocks, caravan_block_new_map (0.3 * area, 0.5 * area, 16));
  /* Translators: under the handout's overview map; %s names the map data's sources */
  attribution = g_strdup_printf (_("Base map: %s"), caravan_basemap_get_attribution ());
  block = add_text (self, blocks, attribution, "Sans", 8, 3, 0, 0);
  block->gray = 0.4;

  steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u step follows, one a page, in the order of the "
                                        "presentation.",
                                        "%u steps follow, one a page, in the order of the "
                                        "presentation.", self->events->len),
                           self->events->len);
  add_text (self, blocks, steps, "Sans", 10.5, 14, 0, 0);
  add_text (self, blocks, caravan_story_get_credits (self->story), "Sans", 10.5, 8, 0, 0);
  if (caravan_story_get_license (self->story) != NULL)
    {
      /* Translators: %s is the licence of the story's data, e.g. CC-BY-SA-4.0 */
      g_autofree char *licence = g_strdup_printf (_("Licence: %s"),
                                                  caravan_story_get_license (self->story));

      add_text (self, blocks, licence, "Sans", 10.5, 6, 0, 0);
    }
  if (g_list_model_get_n_items (articles) > 0)
    {
      /* Translators: the heading of the list of the articles a story quotes */
      block = add_text (self, blocks, _("Sources"), "Sans Bold", 12, 14, 0, 0);
      block->keep_with_next = TRUE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(CaravanArticle) article = g_list_model_get_item (articles, i);
      g_autofree char *citation =
        caravan_article_format_citation (article, caravan_story_get_language (self->story));
      const char *url = caravan_article_get_url (article);
      g_autofree char *text = url != NULL ? g_strconcat (citation, "\n", url, NULL)
                                          : g_strdup (citation);

      add_text (self, blocks, text, "Sans", 10.5, 4, 0, 0);
    }
  return blocks;
}

static GPtrArray *
step_blocks (CaravanHandout *self,
             guint           step)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) caravan_block_free);
  CaravanEvent *event = g_array_index (self->events, CaravanEvent *, step);
  CaravanPlace *place = caravan_event_get_first_place (event);
  g_autoptr(CaravanExcerpt) excerpt = caravan_story_dup_step_excerpt (self->story, event);
  double area = self->height - MARGIN_TOP - MARGIN_BOTTOM;
  /* Translators: above a step's title in the handout: "Step 3 of 37" */
  g_autofree char *header = g_strdup_printf (_("Step %u of %u"), step + 1, self->events->len);
  g_autofree char *date = caravan_event_format_date (event);
  g_autofree char *date_line = NULL;
  CaravanBlock *block;

  if (place != NULL)
    /* Translators: an event's date and place, e.g. "7 September 2013 · Astana" */
    date_line = g_strdup_printf (_("%s · %s"), date,
                                 caravan_place_get_display_name (place,
                                                                 caravan_event_get_date (event)));
  block = add_text (self, blocks, header, "Sans Bold", 10, 0, 0, 0);
  block->gray = 0.45;
  block->keep_with_next = TRUE;
  add_text (self, blocks, caravan_event_get_title (event), "Sans Bold", 18, 3, 0, 0);
  block = add_text (self, blocks, date_line != NULL ? date_line : date, "Sans", 11.5, 4, 0, 0);
  block->gray = 0.25;
  g_ptr_array_add (blocks, caravan_block_new_map (0.3 * area, 0.6 * area, 12));

  if (excerpt != NULL)
    {
      g_autofree char *quote = caravan_story_format_quote (self->story, excerpt);
      CaravanArticle *article = caravan_excerpt_get_article (excerpt);
      const char *note = caravan_excerpt_get_note (excerpt);

      block = add_text (self, blocks, quote, "Serif Italic", 13, 16, 14, 0);
      block->rule = TRUE;
      if (article != NULL)
        {
          g_autofree char *citation =
            caravan_article_format_citation (article, caravan_story_get_language (self->story));
          g_autofree char *source = g_strconcat ("— ", citation, NULL);

          block = add_text (self, blocks, source, "Sans", 10, 5, 14, 0);
          block->gray = 0.25;
        }
      if (note != NULL)
        {
          /* Translators: before the note that corrects what a quoted article says */
          const char *label = _("Fact check:");
          g_autofree char *text = g_strconcat (label, " ", note, NULL);

          block = add_text (self, blocks, text, "Sans", 10.5, 10, 14, strlen (label));
          block->rule = TRUE;
        }
    }
  add_text (self, blocks, caravan_event_get_description (event), "Sans", 10.5, 14, 0, 0);
  return blocks;
}

/* The zoom (fractional) and centre a section's map shows in a @w_px × @h_px view. */
static void
map_view (CaravanHandout *self,
          guint           section,
          double          w_px,
          double          h_px,
          double         *zoom,
          double         *lat,
          double         *lon)
{
  if (section == 0)
    {
      if (!caravan_story_overlay_fit (self->story, w_px, h_px, 36, 10, zoom, lat, lon))
        caravan_story_get_initial_view (self->story, lat, lon, zoom);
      return;
    }
  caravan_event_get_camera_at (g_array_index (self->events, CaravanEvent *, section - 1), NULL,
                               lat, lon, zoom);
  *zoom += log2 (w_px / SCREEN_WIDTH);
}

/* Draws the map at @zoom (fractional) around @lat, @lon into the rectangle, with the story's
 * pins and routes over it, @pin_scale times the screen's size (0: small and without names); the
 * event's place highlighted. */
static void
draw_map_view (CaravanHandout *self,
               cairo_t        *cr,
               CaravanEvent   *event,
               double          zoom,
               double          lat,
               double          lon,
               double          pin_scale,
               double          x,
               double          y,
               double          w,
               double          h)
{
  CaravanStoryOverlayOptions options = CARAVAN_STORY_OVERLAY_OPTIONS_INIT;
  double w_px = w / POINTS_PER_PIXEL, h_px = h / POINTS_PER_PIXEL;
  double s, cx, cy, view_w, view_h;
  guint z;

  /* The renderer draws whole zooms: the nearest one, scaled by less than √2 either way. */
  z = (guint) CLAMP (round (zoom), 0, CARAVAN_TILE_MAX_ZOOM);
  s = exp2 (zoom - z);
  view_w = w_px / s;
  view_h = h_px / s;
  caravan_map_project (lat, lon, z, &cx, &cy);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, POINTS_PER_PIXEL * s, POINTS_PER_PIXEL * s);
  caravan_tile_renderer_draw (self->renderer, cr, z, cx - view_w / 2, cy - view_h / 2, view_w,
                              view_h, CARAVAN_MAP_THEME_LIGHT);
  options.date = event != NULL ? caravan_event_get_date (event) : NULL;
  options.language = g_get_language_names ()[0];
  options.highlight = event != NULL ? caravan_event_get_first_place (event) : NULL;
  options.scale = (pin_scale > 0 ? pin_scale : 0.6) / s;
  options.labels = pin_scale > 0;
  caravan_story_overlay_draw (cr, self->story, z, cx - view_w / 2, cy - view_h / 2, view_w,
                              view_h, &options);
  cairo_restore (cr);

  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
}

static void
draw_map (CaravanHandout *self,
          cairo_t        *cr,
          guint           section,
          double          x,
          double          y,
          double          w,
          double          h)
{
  CaravanEvent *event = section > 0 ? g_array_index (self->events, CaravanEvent *, section - 1)
                                    : NULL;
  double zoom, lat, lon;

  map_view (self, section, w / POINTS_PER_PIXEL, h / POINTS_PER_PIXEL, &zoom, &lat, &lon);
  draw_map_view (self, cr, event, zoom, lat, lon, PIN_SCALE, x, y, w, h);

  /* A close-up map says little on paper without the screen's panning: a locator in the corner
   * shows the region, at a zoom where the base map names countries and cities. */
  if (event != NULL && zoom >= INSET_FROM_ZOOM)
    {
      double iw = round (w * 0.34), ih = round (h * 0.34), ix = x + w - iw - 6, iy = y + 6;

      cairo_rectangle (cr, ix - 2, iy - 2, iw + 4, ih + 4);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      draw_map_view (self, cr, event, INSET_ZOOM, lat, lon, 0, ix, iy, iw, ih);
    }
}

static void
draw_small_text (CaravanHandout *self,
                 cairo_t        *cr,
                 const char     *text,
                 double          x,
                 double          baseline,
                 gboolean        right)
{
  PangoLayout *layout = caravan_handout_text (self->context, text, "Sans", 9,
                                              content_width (self) / 2 - 6, 0);
  PangoRectangle logical;

  if (right)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, right ? x - content_width (self) / 2 + 6 : x,
                 baseline - pango_layout_get_baseline (layout) / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
caravan_handout_finalize (GObject *object)
{
  CaravanHandout *self = CARAVAN_HANDOUT (object);

  g_clear_object (&self->story);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (caravan_handout_parent_class)->finalize (object);
}

static void
caravan_handout_class_init (CaravanHandoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = caravan_handout_finalize;
}

static void
caravan_handout_init (CaravanHandout *self)
{
  self->events = g_array_new (FALSE, FALSE, sizeof (CaravanEvent *));
  self->pages = g_array_new (FALSE, TRUE, sizeof (CaravanPage));
  g_array_set_clear_func (self->pages, (GDestroyNotify) caravan_page_clear);
}

CaravanHandout *
caravan_handout_new (CaravanStory *story)
{
  CaravanHandout *self;
  g_autoptr(CaravanBasemap) basemap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree CaravanMapPoint *points = NULL;
  GListModel *events;
  guint n_points;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), NULL);

  self = g_object_new (CARAVAN_TYPE_HANDOUT, NULL);
  self->story = g_object_ref (story);
  events = caravan_story_get_events (story);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
      CaravanEvent *borrowed = event;  /* the story keeps it */

      g_array_append_val (self->events, borrowed);
    }
  basemap = caravan_basemap_get_default (&error);
  if (basemap == NULL)
    g_warning ("The handout's maps have no base map: %s", error->message);
  /* The story's places are named by their pins, not twice by the base map. */
  points = caravan_story_overlay_dup_points (story, &n_points);
  self->renderer = caravan_tile_renderer_new_full (basemap, g_get_language_names ()[0], points,
                                                   n_points);
  return self;
}

guint
caravan_handout_paginate (CaravanHandout *self,
                          cairo_t        *cr,
                          double          width,
                          double          height)
{
  g_return_val_if_fail (CARAVAN_IS_HANDOUT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  self->width = width;
  self->height = height;
  g_clear_object (&self->context);
  self->context = caravan_handout_create_context (cr);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_array_set_size (self->pages, 0);

  for (guint section = 0; section <= self->events->len; section++)
    {
      GPtrArray *blocks = section == 0 ? title_blocks (self) : step_blocks (self, section - 1);

      g_ptr_array_add (self->sections, blocks);
      caravan_handout_flow (blocks, height - MARGIN_TOP - MARGIN_BOTTOM, section, self->pages);
    }
  return self->pages->len;
}

guint
caravan_handout_get_n_pages (CaravanHandout *self)
{
  g_return_val_if_fail (CARAVAN_IS_HANDOUT (self), 0);

  return self->pages->len;
}

guint
caravan_handout_get_section_page (CaravanHandout *self,
                                  guint           section)
{
  g_return_val_if_fail (CARAVAN_IS_HANDOUT (self), G_MAXUINT);

  for (guint i = 0; i < self->pages->len; i++)
    if (g_array_index (self->pages, CaravanPage, i).section == section)
      return i;
  return G_MAXUINT;
}

void
caravan_handout_draw_page (CaravanHandout *self,
                           cairo_t        *cr,
                           guint           index)
{
  CaravanPage *page;
  g_autofree char *number = NULL;

  g_return_if_fail (CARAVAN_IS_HANDOUT (self));
  g_return_if_fail (index < self->pages->len);

  page = &g_array_index (self->pages, CaravanPage, index);
  cairo_save (cr);
  for (guint i = 0; i < page->placements->len; i++)
    {
      CaravanPlacement *p = &g_array_index (page->placements, CaravanPlacement, i);
      double x = MARGIN_X + p->block->indent, y = MARGIN_TOP + p->y;

      if (p->block->kind == CARAVAN_BLOCK_MAP)
        {
          draw_map (self, cr, page->section, MARGIN_X, y, content_width (self), p->height);
          continue;
        }
      if (p->block->rule)
        {
          cairo_rectangle (cr, MARGIN_X + 2, y + 1, 2.5, p->height - 2);
          cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, p->block->gray, p->block->gray, p->block->gray);
      caravan_handout_draw_text (cr, p, x, y);
    }

  /* The footer: the story's title, and the page number. */
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, self->height - MARGIN_BOTTOM + 20);
  cairo_line_to (cr, self->width - MARGIN_X, self->height - MARGIN_BOTTOM + 20);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  draw_small_text (self, cr, caravan_story_get_title (self->story), MARGIN_X,
                   self->height - MARGIN_BOTTOM + 34, FALSE);
  /* Translators: the handout's page numbers, "Page 3 of 38" */
  number = g_strdup_printf (_("Page %u of %u"), index + 1, self->pages->len);
  draw_small_text (self, cr, number, self->width - MARGIN_X, self->height - MARGIN_BOTTOM + 34,
                   TRUE);
  if (page->continued && page->section > 0)
    {
      CaravanEvent *event = g_array_index (self->events, CaravanEvent *, page->section - 1);
      /* Translators: the top of a step's second page, %s is the step's title */
      g_autofree char *continued = g_strdup_printf (_("%s (continued)"),
                                                    caravan_event_get_title (event));

      draw_small_text (self, cr, continued, MARGIN_X, MARGIN_TOP - 16, FALSE);
    }
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
caravan_handout_to_pdf (CaravanStory  *story,
                        CaravanPaper   paper,
                        GError       **error)
{
  g_autoptr(CaravanHandout) self = NULL;
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), NULL);

  caravan_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  caravan_story_get_title (story));
  if (caravan_story_get_subtitle (story) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                    caravan_story_get_subtitle (story));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Caravan");
  cr = cairo_create (surface);

  self = caravan_handout_new (story);
  caravan_handout_paginate (self, cr, width, height);
  for (guint i = 0; i < self->pages->len; i++)
    {
      CaravanPage *page = &g_array_index (self->pages, CaravanPage, i);

      /* The PDF's outline: the title page and each step, so a reader can jump. */
      if (!page->continued)
        {
          g_autofree char *target = g_strdup_printf ("page=%u", i + 1);
          const char *name = page->section == 0
                             ? caravan_story_get_title (story)
                             : caravan_event_get_title (g_array_index (self->events,
                                                                       CaravanEvent *,
                                                                       page->section - 1));

          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, target, 0);
        }
      caravan_handout_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s says why cairo could not make the PDF */
                   _("The handout could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

gboolean
caravan_handout_save_pdf (CaravanStory  *story,
                          CaravanPaper   paper,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) pdf = caravan_handout_to_pdf (story, paper, error);

  if (pdf == NULL)
    return FALSE;
  return caravan_file_save (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                            CARAVAN_FILE_SAVE_NONE, cancellable, error);
}
