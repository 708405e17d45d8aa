/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-presentation-layout.c: what the room reads: the caption (title, date and place, quote),
 * the progress count and the step strip, sized from the window height so they stay legible. */

#define G_LOG_DOMAIN "caravan-presentation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-article.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-place.h"
#include "caravan-presentation-private.h"
#include "caravan-quote.h"
#include "caravan-selection.h"
#include "caravan-story.h"

/* Text must be legible from the back of a room: every text is at least 1/30 of the screen
 * height; we use 1/27 to keep a margin. */
#define TEXT_HEIGHT_DIVISOR 27.0
#define TITLE_SCALE         1.35
#define MAX_TITLE_LINES     3

static void
set_label_font (GtkLabel   *label,
                int         pixels,
                PangoWeight weight,
                PangoStyle  style)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute (pixels * PANGO_SCALE));
  pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  pango_attr_list_insert (attrs, pango_attr_style_new (style));
  gtk_label_set_attributes (label, attrs);
}

static int
measure_height (GtkWidget *widget,
                int        for_width)
{
  int natural = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, for_width, NULL, &natural, NULL, NULL);
  return natural;
}

/* Font sizes, the caption's width and how many lines of the quote fit all follow the window
 * height, so the room sees the same proportions on any projector. */
/* A 4K (2160-line) projector shows the map twice as large, as a 1080p one would show it. */
guint
caravan_presentation_magnification_for_height (int height)
{
  return height >= 1800 ? 2 : 1;
}

static void
apply_layout (CaravanPresentation *self)
{
  int width = self->layout_width, height = self->layout_height;
  int text, padding, caption_width, strip_height, spacing, line_height, available;
  g_autoptr(PangoLayout) layout = NULL;

  if (width <= 0 || height <= 0)
    return;

  caravan_map_view_set_magnification (self->map_view,
                                      caravan_presentation_magnification_for_height (height));
  text = (int) ceil (height / TEXT_HEIGHT_DIVISOR);
  padding = MAX (12, height / 32);
  spacing = text / 2;
  /* Projectors are 4:3 or 16:9; the caption takes a column so it never covers the map's
   * centre, where the map view puts the current place. */
  caption_width = (int) round (width * ((double) width / height < 1.5 ? 0.40 : 0.34));
  strip_height = text * 2;

  set_label_font (self->title_label, (int) round (text * TITLE_SCALE), PANGO_WEIGHT_BOLD,
                  PANGO_STYLE_NORMAL);
  set_label_font (self->date_label, text, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  set_label_font (self->quote_label, text, PANGO_WEIGHT_NORMAL,
                  gtk_widget_has_css_class (GTK_WIDGET (self->quote_label), "quote")
                    ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  set_label_font (self->progress_label, text, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  set_label_font (self->autoplay_label, text, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);

  gtk_widget_set_size_request (self->caption_box, caption_width, -1);
  gtk_widget_set_margin_top (GTK_WIDGET (self->caption_inner), padding);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->caption_inner), padding);
  gtk_widget_set_margin_start (GTK_WIDGET (self->caption_inner), padding);
  gtk_widget_set_margin_end (GTK_WIDGET (self->caption_inner), padding);
  gtk_box_set_spacing (self->caption_inner, spacing);

  gtk_widget_set_size_request (self->strip_box, -1, strip_height);
  gtk_widget_set_margin_start (GTK_WIDGET (self->progress_label), padding);
  gtk_widget_set_margin_end (GTK_WIDGET (self->progress_label), padding);
  gtk_widget_set_margin_start (GTK_WIDGET (self->autoplay_label), padding);

  /* A long quote ends with an ellipsis rather than running off the screen. */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->quote_label), "Ag");
  pango_layout_set_attributes (layout, gtk_label_get_attributes (self->quote_label));
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  available = height - strip_height - 2 * padding - 2 * spacing
              - measure_height (GTK_WIDGET (self->title_label), caption_width - 2 * padding)
              - measure_height (GTK_WIDGET (self->date_label), caption_width - 2 * padding);
  gtk_label_set_lines (self->quote_label, MAX (1, available / MAX (line_height, 1)));
  gtk_label_set_lines (self->title_label, MAX_TITLE_LINES);
}

static gboolean
on_layout_idle (gpointer user_data)
{
  CaravanPresentation *self = user_data;

  self->layout_idle = 0;
  apply_layout (self);
  return G_SOURCE_REMOVE;
}

void
caravan_presentation_queue_layout (CaravanPresentation *self)
{
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_layout_idle, self, NULL);
}

void
caravan_presentation_update_progress (CaravanPresentation *self)
{
  g_autofree char *text = NULL;

  if (self->typed_step->len > 0)
    /* Translators: shown while the presenter types a step number, before Enter */
    text = g_strdup_printf (_("Go to %s"), self->typed_step->str);
  else
    {
      guint step = caravan_presentation_get_step (self);

      /* Translators: the presentation's position, e.g. “5 / 14” */
      text = g_strdup_printf (_("%u / %u"), step == G_MAXUINT ? 0 : step + 1,
                              caravan_presentation_get_n_steps (self));
    }
  gtk_label_set_text (self->progress_label, text);
}

/* Title, date and place, and the linked excerpt (or the description): plain text only. */
void
caravan_presentation_update_caption (CaravanPresentation *self)
{
  CaravanStory *story = caravan_presentation_get_story (self);
  CaravanEvent *event = self->selection ? caravan_selection_get_event (self->selection) : NULL;
  g_autoptr(GListModel) excerpts = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *quote = NULL;

  if (event == NULL || story == NULL)
    {
      gtk_label_set_text (self->title_label, story ? caravan_story_get_title (story) : "");
      gtk_label_set_text (self->date_label, story ? caravan_story_get_subtitle (story) : "");
      gtk_label_set_text (self->quote_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->quote_label), FALSE);
      caravan_presentation_queue_layout (self);
      return;
    }

  date_line = caravan_event_format_date_and_place (event);

  excerpts = caravan_story_list_excerpts_of_event (story, event);
  if (g_list_model_get_n_items (excerpts) > 0)
    {
      g_autoptr(CaravanExcerpt) excerpt = g_list_model_get_item (excerpts, 0);
      CaravanArticle *article = caravan_excerpt_get_article (excerpt);
      const char *language = article ? caravan_article_get_language (article) : NULL;

      /* The quote's marks are those of its own language, not of the user's. */
      quote = caravan_quote_format (caravan_excerpt_get_text (excerpt),
                                    language ? language : caravan_story_get_language (story));
      gtk_widget_add_css_class (GTK_WIDGET (self->quote_label), "quote");
    }
  else
    {
      quote = g_strdup (caravan_event_get_description (event));
      gtk_widget_remove_css_class (GTK_WIDGET (self->quote_label), "quote");
    }

  gtk_label_set_text (self->title_label, caravan_event_get_title (event));
  gtk_label_set_text (self->date_label, date_line);
  gtk_label_set_text (self->quote_label, quote ? quote : "");
  gtk_widget_set_visible (GTK_WIDGET (self->quote_label), quote != NULL && *quote != '\0');
  caravan_presentation_queue_layout (self);
}

/* The strip: one dot per step, the steps shown so far filled, the current one larger. */
void
caravan_presentation_draw_strip (GtkDrawingArea *area,
                                 cairo_t        *cr,
                                 int             width,
                                 int             height,
                                 gpointer        user_data)
{
  CaravanPresentation *self = user_data;
  guint n = caravan_presentation_get_n_steps (self);
  guint step = caravan_presentation_get_step (self);
  double radius = MAX (3.0, height / 8.0);
  double left = radius * 2, right = width - radius * 2, y = height / 2.0;

  if (n == 0 || right <= left)
    return;

  cairo_set_line_width (cr, MAX (2.0, radius / 2));
  cairo_set_source_rgb (cr, 0.45, 0.47, 0.50);
  cairo_move_to (cr, left, y);
  cairo_line_to (cr, right, y);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      double x = n > 1 ? left + (right - left) * i / (n - 1) : (left + right) / 2;

      if (step != G_MAXUINT && i == step)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, radius * 0.7, 0, 2 * G_PI);
      if (step != G_MAXUINT && i < step)
        cairo_set_source_rgb (cr, 0.93, 0.94, 0.95);
      else
        cairo_set_source_rgb (cr, 0.30, 0.32, 0.35);
      cairo_fill (cr);
    }

  if (step != G_MAXUINT)
    {
      double x = n > 1 ? left + (right - left) * step / (n - 1) : (left + right) / 2;

      cairo_arc (cr, x, y, radius * 1.5, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1.0, 0.64, 0.28);
      cairo_fill (cr);
    }
}
