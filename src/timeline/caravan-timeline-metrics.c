/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-metrics.c: the timeline's text and geometry: fonts at a size readable on a
 * projector, cached text layouts, the lane layout for each zoom level and where each item is
 * drawn (for drawing and hit testing alike). */

#define G_LOG_DOMAIN "caravan-timeline"

#include "config.h"

#include <math.h>

#include "caravan-event.h"
#include "caravan-selection.h"
#include "caravan-timeline-private.h"

#define MIN_FONT_SIZE (11 * PANGO_SCALE)
#define LEVELS_PER_OCTAVE 4.0

static PangoLayout *
new_layout (CaravanTimeline            *self,
            const char                 *text,
            const PangoFontDescription *font)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_font_description (layout, font);
  return layout;
}

/* Axis and badge labels, cached by text; the cache is small and bounded. */
PangoLayout *
caravan_timeline_get_text_layout (CaravanTimeline *self,
                                  const char      *text,
                                  gboolean         bold)
{
  g_autofree char *key = g_strconcat (bold ? "b" : "n", text, NULL);
  PangoLayout *layout = g_hash_table_lookup (self->text_layouts, key);

  if (layout == NULL)
    {
      if (g_hash_table_size (self->text_layouts) > 2000)
        g_hash_table_remove_all (self->text_layouts);
      layout = new_layout (self, text, bold ? self->bold_font : self->font);
      g_hash_table_insert (self->text_layouts, g_steal_pointer (&key), layout);
    }

  return layout;
}

double
caravan_timeline_text_width (CaravanTimeline *self,
                             const char      *text,
                             gboolean         bold)
{
  int width;

  pango_layout_get_pixel_size (caravan_timeline_get_text_layout (self, text, bold), &width, NULL);
  return width;
}

/* The title of event @index, ellipsized to @width pixels (the selected one in bold, whole). */
PangoLayout *
caravan_timeline_get_event_layout (CaravanTimeline *self,
                                   guint            index,
                                   double           width)
{
  PangoLayout *layout;

  if (index == self->selected_index)
    {
      if (self->bold_layout == NULL || self->bold_layout_index != index)
        {
          g_clear_object (&self->bold_layout);
          self->bold_layout = new_layout (self, caravan_event_get_title (self->events[index]),
                                          self->bold_font);
          pango_layout_set_ellipsize (self->bold_layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_single_paragraph_mode (self->bold_layout, TRUE);
          self->bold_layout_index = index;
        }
      layout = self->bold_layout;
    }
  else
    {
      layout = self->event_layouts[index];
    }

  if (layout == NULL)
    {
      layout = new_layout (self, caravan_event_get_title (self->events[index]), self->font);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      self->event_layouts[index] = layout;
    }

  /* Widths change only when the zoom level does, so the layout is rarely redone. */
  if (pango_layout_get_width (layout) != (int) (width * PANGO_SCALE))
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));

  return layout;
}

void
caravan_timeline_invalidate_layouts (CaravanTimeline *self)
{
  g_hash_table_remove_all (self->layouts);
}

void
caravan_timeline_invalidate_text (CaravanTimeline *self)
{
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);
  g_hash_table_remove_all (self->text_layouts);
  g_clear_object (&self->bold_layout);
  for (guint i = 0; i < self->n_events; i++)
    g_clear_object (&self->event_layouts[i]);
  self->label_widths_valid = FALSE;
  caravan_timeline_invalidate_layouts (self);
}

/* Fonts (at least 11 pt, readable on a projector) and the sizes that follow from them. */
void
caravan_timeline_ensure_metrics (CaravanTimeline *self)
{
  PangoContext *context;
  int height;
  static const char * const month_samples[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };

  if (self->font != NULL)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  self->font = pango_font_description_copy (pango_context_get_font_description (context));
  if (pango_font_description_get_size (self->font) < MIN_FONT_SIZE ||
      pango_font_description_get_size_is_absolute (self->font))
    pango_font_description_set_size (self->font, MIN_FONT_SIZE);
  self->bold_font = pango_font_description_copy (self->font);
  pango_font_description_set_weight (self->bold_font, PANGO_WEIGHT_BOLD);

  pango_layout_get_pixel_size (caravan_timeline_get_text_layout (self, "Ag", FALSE), NULL, &height);
  self->line_height = height;
  self->bar_height = height + 4;
  self->lane_height = self->bar_height + 5;
  self->axis_height = height + 12;
  self->lanes_top = self->axis_height + 4;

  self->metrics.marker = MIN (self->bar_height - 6, 16);
  self->metrics.label_pad = 6;
  self->metrics.gap = 6;
  self->metrics.badge = caravan_timeline_text_width (self, "+999", TRUE) + 16;
  self->metrics.label_reserve = 140;
  self->metrics.label_min = 88;

  /* The axis keeps labels well apart: a label's width plus an em of space. */
  self->min_pitch[CARAVAN_TIMELINE_UNIT_DAY] = caravan_timeline_text_width (self, "28", FALSE) + 24;
  self->min_pitch[CARAVAN_TIMELINE_UNIT_MONTH] = 0;
  for (guint i = 0; i < G_N_ELEMENTS (month_samples); i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2001, i + 1, 1, 12, 0, 0);
      g_autofree char *name = g_date_time_format (dt, "%Ob");

      self->min_pitch[CARAVAN_TIMELINE_UNIT_MONTH] =
        MAX (self->min_pitch[CARAVAN_TIMELINE_UNIT_MONTH],
             caravan_timeline_text_width (self, name, FALSE) + 24);
    }
  self->min_pitch[CARAVAN_TIMELINE_UNIT_YEAR] = caravan_timeline_text_width (self, "2022",
                                                                             TRUE) + 24;
}

guint
caravan_timeline_lanes_for_height (CaravanTimeline *self,
                                   int              height)
{
  int lanes;

  caravan_timeline_ensure_metrics (self);
  lanes = (int) ((height - self->lanes_top - 4) / self->lane_height);
  return CLAMP (lanes, 1, CARAVAN_TIMELINE_MAX_LANES);
}

gboolean
caravan_timeline_get_view (CaravanTimeline *self,
                           double          *start,
                           double          *end,
                           double          *px_per_day)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->selection == NULL || width <= 0)
    return FALSE;

  *start = caravan_selection_get_visible_start (self->selection);
  *end = caravan_selection_get_visible_end (self->selection);
  if (!(*end > *start))
    return FALSE;

  *px_per_day = width / (*end - *start);
  return TRUE;
}

/* Titles are measured once per story and font: lanes depend on them. */
static void
ensure_label_widths (CaravanTimeline *self)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (self->label_widths_valid)
    return;

  caravan_timeline_ensure_metrics (self);
  layout = new_layout (self, "", self->font);
  for (guint i = 0; i < self->n_events; i++)
    {
      int width;

      pango_layout_set_text (layout, caravan_event_get_title (self->events[i]), -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      self->spans[i].label_width = MIN (width, CARAVAN_TIMELINE_MAX_LABEL_WIDTH);
    }
  self->label_widths_valid = TRUE;
}

/* After an edit of event @index's title: only that title is measured again. */
void
caravan_timeline_remeasure_title (CaravanTimeline *self,
                                  guint            index)
{
  g_return_if_fail (index < self->n_events);

  g_clear_object (&self->event_layouts[index]);
  if (self->label_widths_valid)
    {
      g_autoptr(PangoLayout) layout = new_layout (self, "", self->font);
      int width;

      pango_layout_set_text (layout, caravan_event_get_title (self->events[index]), -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      self->spans[index].label_width = MIN (width, CARAVAN_TIMELINE_MAX_LABEL_WIDTH);
    }
  caravan_timeline_invalidate_layouts (self);
}

/* The selected event and the selected place's events are laid out first, with whole titles:
 * they are what the reader looks for. The lanes change with them. */
void
caravan_timeline_update_importance (CaravanTimeline *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->n_events; i++)
    {
      gboolean important = self->highlighted[i] || i == self->selected_index;

      changed |= self->spans[i].important != important;
      self->spans[i].important = important;
    }
  if (changed)
    caravan_timeline_invalidate_layouts (self);
}

CaravanTimelineLayout *
caravan_timeline_get_layout (CaravanTimeline *self,
                             double           px_per_day)
{
  CaravanTimelineLayout *layout;
  int level;

  g_return_val_if_fail (px_per_day > 0, NULL);

  ensure_label_widths (self);

  /* Made at the level's lowest scale: when drawn larger, items only get more room. */
  level = (int) floor (log2 (px_per_day) * LEVELS_PER_OCTAVE);
  layout = g_hash_table_lookup (self->layouts, GINT_TO_POINTER (level));
  if (layout == NULL)
    {
      layout = caravan_timeline_layout_new (self->spans, self->n_events,
                                            exp2 (level / LEVELS_PER_OCTAVE),
                                            MAX (self->n_lanes, 1), &self->metrics);
      g_hash_table_insert (self->layouts, GINT_TO_POINTER (level), layout);
    }

  return layout;
}

gboolean
caravan_timeline_get_overlay_item (CaravanTimeline       *self,
                                   CaravanTimelineLayout *layout,
                                   double                 px_per_day,
                                   CaravanTimelineItem   *item,
                                   guint                 *lane)
{
  const CaravanTimelineSpan *span;
  double bar_px;

  if (self->selected_index == G_MAXUINT ||
      caravan_timeline_layout_get_lane (layout, self->selected_index) != CARAVAN_TIMELINE_CLUSTERED)
    return FALSE;

  span = &self->spans[self->selected_index];
  bar_px = (span->end - span->start) * px_per_day;

  memset (item, 0, sizeof *item);
  item->index = self->selected_index;
  item->labelled = TRUE;
  item->label_inside = bar_px >= span->label_width + 2 * self->metrics.label_pad;
  item->label_width = item->label_inside ? 0 : span->label_width;
  item->start = span->start;
  item->end = span->end + (item->label_width + self->metrics.label_pad) / px_per_day;
  item->shape_end = span->end;
  *lane = caravan_timeline_layout_get_n_lanes (layout) - 1;

  return TRUE;
}

void
caravan_timeline_item_bounds (CaravanTimeline           *self,
                              guint                      lane,
                              const CaravanTimelineItem *item,
                              double                     start,
                              double                     px_per_day,
                              graphene_rect_t           *shape,
                              graphene_rect_t           *area)
{
  double y = self->lanes_top + lane * self->lane_height +
             (self->lane_height - self->bar_height) / 2;
  double marker = self->metrics.marker;
  double x0, x1, right;

  if (item->is_cluster)
    {
      x0 = (item->start - start) * px_per_day;
      x1 = MAX ((item->end - start) * px_per_day, x0 + self->metrics.badge);
      graphene_rect_init (shape, x0, y, x1 - x0, self->bar_height);
      *area = *shape;
      return;
    }

  x0 = (self->spans[item->index].start - start) * px_per_day;
  x1 = (self->spans[item->index].end - start) * px_per_day;
  if (x1 - x0 < marker)
    {
      double cx = (x0 + x1) / 2;

      graphene_rect_init (shape, cx - marker / 2, y + (self->bar_height - marker) / 2,
                          marker, marker);
      right = cx + marker / 2;
    }
  else
    {
      double inset = MIN (self->metrics.gap / 2, (x1 - x0) / 4);

      graphene_rect_init (shape, x0 + inset, y, x1 - x0 - 2 * inset, self->bar_height);
      right = x1 - inset;
    }

  *area = *shape;
  if (item->labelled && !item->label_inside)
    {
      double label_right = right + self->metrics.label_pad + item->label_width;

      graphene_rect_init (area, area->origin.x, y, label_right - area->origin.x, self->bar_height);
    }
}
