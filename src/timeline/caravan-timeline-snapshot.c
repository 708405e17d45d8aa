/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-snapshot.c: draws the timeline: axis, lanes of events, count badges. Only
 * what is visible is visited (binary search per lane); text and geometry come from
 * caravan-timeline-metrics.c. */

#define G_LOG_DOMAIN "caravan-timeline"

#include "config.h"

#include <math.h>
#include <string.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-selection.h"
#include "caravan-timeline-private.h"

typedef struct
{
  GdkRGBA accent;        /* fill of events */
  GdkRGBA accent_fg;     /* text on accent fills */
  GdkRGBA fg;
  GdkRGBA bg;
  GdkRGBA axis_bg;
  GdkRGBA dim;           /* events elsewhere than the selected place */
  GdkRGBA dim_text;
  GdkRGBA grid;
  GdkRGBA major_grid;
  GdkRGBA tick;
  GdkRGBA badge;
} Palette;

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
G_GNUC_END_IGNORE_DEPRECATIONS
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

/* Named colours of the theme, so dark and high-contrast styles work. */
static void
get_palette (CaravanTimeline *self,
             Palette         *palette)
{
  GtkWidget *widget = GTK_WIDGET (self);

  lookup_color (widget, "accent_bg_color", "#3584e4", &palette->accent);
  lookup_color (widget, "accent_fg_color", "#ffffff", &palette->accent_fg);
  lookup_color (widget, "view_bg_color", "#ffffff", &palette->bg);
  lookup_color (widget, "window_bg_color", "#fafafa", &palette->axis_bg);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_fg_color",
                                       &palette->fg))
    {
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &palette->fg);
G_GNUC_END_IGNORE_DEPRECATIONS
    }

  palette->dim = with_alpha (&palette->fg, 0.30);
  palette->dim_text = with_alpha (&palette->fg, 0.60);
  palette->grid = with_alpha (&palette->fg, 0.07);
  palette->major_grid = with_alpha (&palette->fg, 0.16);
  palette->tick = with_alpha (&palette->fg, 0.55);
  palette->badge = with_alpha (&palette->fg, 0.14);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                double                 radius,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_ring (GtkSnapshot           *snapshot,
             const graphene_rect_t *rect,
             double                 radius,
             double                 width,
             const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  graphene_rect_t outer;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  graphene_rect_inset_r (rect, -width, -width, &outer);
  gsk_rounded_rect_init_from_rect (&rounded, &outer, radius + width);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A circa date fades out at both ends instead of stopping sharply. */
static void
append_soft_shape (GtkSnapshot           *snapshot,
                   const graphene_rect_t *shape,
                   gboolean               dot,
                   const GdkRGBA         *color)
{
  GdkRGBA clear = with_alpha (color, 0);

  if (dot)
    {
      graphene_rect_t halo;
      graphene_point_t centre;
      GskColorStop stops[] = {
        { 0.0f, *color },
        { 0.5f, *color },
        { 1.0f, clear },
      };

      graphene_rect_inset_r (shape, -4, -4, &halo);
      centre = GRAPHENE_POINT_INIT (halo.origin.x + halo.size.width / 2,
                                    halo.origin.y + halo.size.height / 2);
      gtk_snapshot_append_radial_gradient (snapshot, &halo, &centre,
                                           halo.size.width / 2, halo.size.height / 2, 0, 1,
                                           stops, G_N_ELEMENTS (stops));
    }
  else
    {
      float fade = MIN (shape->size.width * 0.3f, 40.0f) / shape->size.width;
      GskColorStop stops[] = {
        { 0.0f, clear },
        { fade, *color },
        { 1.0f - fade, *color },
        { 1.0f, clear },
      };
      GskRoundedRect rounded;

      gsk_rounded_rect_init_from_rect (&rounded, shape, 4);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_linear_gradient (snapshot, shape,
                                           &GRAPHENE_POINT_INIT (shape->origin.x, 0),
                                           &GRAPHENE_POINT_INIT (shape->origin.x +
                                                                 shape->size.width, 0),
                                           stops, G_N_ELEMENTS (stops));
      gtk_snapshot_pop (snapshot);
    }
}

static void
draw_event (CaravanTimeline           *self,
            GtkSnapshot               *snapshot,
            const Palette             *palette,
            guint                      lane,
            const CaravanTimelineItem *item,
            double                     start,
            double                     px_per_day,
            double                     width)
{
  guint index = item->index;
  gboolean selected = index == self->selected_index;
  gboolean place_selected = caravan_selection_get_place (self->selection) != NULL;
  gboolean dimmed = place_selected && !self->highlighted[index] && !selected;
  const CaravanDate *date = caravan_event_get_date (self->events[index]);
  const GdkRGBA *fill = dimmed ? &palette->dim : &palette->accent;
  graphene_rect_t shape, area;
  gboolean dot;
  double radius;

  caravan_timeline_item_bounds (self, lane, item, start, px_per_day, &shape, &area);
  dot = shape.size.width <= self->metrics.marker && shape.size.height < self->bar_height;
  radius = dot ? shape.size.width / 2 : 4;

  if (selected)
    {
      /* A line down from the axis ties the selected event to its date. */
      double line_x = round (shape.origin.x + (dot ? shape.size.width / 2 : 0)) - 1;

      gtk_snapshot_append_color (snapshot, &palette->fg,
                                 &GRAPHENE_RECT_INIT (line_x, self->axis_height, 2,
                                                      shape.origin.y - self->axis_height));
    }

  if (date->circa)
    append_soft_shape (snapshot, &shape, dot, fill);
  else
    append_rounded (snapshot, &shape, radius, fill);

  if (selected)
    append_ring (snapshot, &shape, radius, 3, &palette->fg);

  if (item->labelled)
    {
      double room = item->label_inside ? CARAVAN_TIMELINE_MAX_LABEL_WIDTH : item->label_width;
      PangoLayout *layout;

      /* Titles running off the right edge end in an ellipsis instead of being cut. */
      if (selected)
        room = CARAVAN_TIMELINE_MAX_LABEL_WIDTH;
      if (!item->label_inside)
        {
          double label_x = shape.origin.x + shape.size.width + self->metrics.label_pad;

          room = MIN (room, MAX (width - label_x - 4, self->metrics.label_min));
        }
      layout = caravan_timeline_get_event_layout (self, index, room);
      double y = shape.origin.y + (shape.size.height - self->line_height) / 2;

      if (item->label_inside)
        {
          double x = MAX (shape.origin.x, 0) + self->metrics.label_pad;
          graphene_rect_t clip;

          if (date->circa)
            x = MAX (x, shape.origin.x + MIN (shape.size.width * 0.3, 40));
          graphene_rect_init (&clip, shape.origin.x, shape.origin.y,
                              shape.size.width - self->metrics.label_pad, shape.size.height);
          gtk_snapshot_push_clip (snapshot, &clip);
          append_text (snapshot, layout, x, y, dimmed ? &palette->fg : &palette->accent_fg);
          gtk_snapshot_pop (snapshot);
        }
      else
        {
          double x = shape.origin.x + shape.size.width + self->metrics.label_pad;

          if (selected)
            {
              int text_w;

              /* The bold title may be wider than the room kept for it: give it a backing. */
              pango_layout_get_pixel_size (layout, &text_w, NULL);
              append_rounded (snapshot,
                              &GRAPHENE_RECT_INIT (x - 3, shape.origin.y, text_w + 6,
                                                   shape.size.height),
                              4, &palette->bg);
            }
          append_text (snapshot, layout, x, y, dimmed ? &palette->dim_text : &palette->fg);
        }
    }
}

static void
draw_cluster (CaravanTimeline           *self,
              GtkSnapshot               *snapshot,
              const Palette             *palette,
              CaravanTimelineLayout     *layout,
              guint                      lane,
              const CaravanTimelineItem *item,
              double                     start,
              double                     px_per_day)
{
  const CaravanTimelineCluster *cluster = caravan_timeline_layout_get_cluster (layout, item->index);
  const guint *members = caravan_timeline_layout_get_members (layout, item->index);
  gboolean highlighted = FALSE;
  graphene_rect_t shape, area;
  char text[16];
  PangoLayout *label;

  /* A selected member is drawn over the badge on its own (see get_overlay_item). */
  for (guint i = 0; i < cluster->n_members && !highlighted; i++)
    highlighted = self->highlighted[members[i]];

  caravan_timeline_item_bounds (self, lane, item, start, px_per_day, &shape, &area);
  append_rounded (snapshot, &shape, shape.size.height / 2,
                  highlighted ? &palette->accent : &palette->badge);

  g_snprintf (text, sizeof text, "+%u", cluster->n_members);
  label = caravan_timeline_get_text_layout (self, text, TRUE);
  append_text (snapshot, label, shape.origin.x + 8,
               shape.origin.y + (shape.size.height - self->line_height) / 2,
               highlighted ? &palette->accent_fg : &palette->fg);
}

static void
draw_axis (CaravanTimeline *self,
           GtkSnapshot     *snapshot,
           const Palette   *palette,
           double           start,
           double           end,
           double           px_per_day,
           double           width,
           double           height)
{
  CaravanTimelineStep step = caravan_timeline_axis_choose_step (px_per_day, self->min_pitch);
  CaravanTimelineStep minor = caravan_timeline_axis_minor_step (step, px_per_day, 6);
  g_autofree char *context = caravan_timeline_axis_format_context (step, start);
  double label_y = (self->axis_height - 6 - self->line_height) / 2;
  double left_limit = 0;
  double context_w = 0;

  gtk_snapshot_append_color (snapshot, &palette->axis_bg,
                             &GRAPHENE_RECT_INIT (0, 0, width, self->axis_height));
  gtk_snapshot_append_color (snapshot, &palette->major_grid,
                             &GRAPHENE_RECT_INIT (0, self->axis_height - 1, width, 1));

  g_array_set_size (self->minor_ticks, 0);
  caravan_timeline_axis_compute_ticks (minor, start, end, FALSE, self->minor_ticks);
  for (guint i = 0; i < self->minor_ticks->len; i++)
    {
      const CaravanTimelineTick *tick = &g_array_index (self->minor_ticks, CaravanTimelineTick, i);
      double x = round ((tick->julian - start) * px_per_day);

      gtk_snapshot_append_color (snapshot, &palette->tick,
                                 &GRAPHENE_RECT_INIT (x, self->axis_height - 5, 1, 5));
    }

  if (context != NULL)
    {
      context_w = caravan_timeline_text_width (self, context, TRUE);
      left_limit = context_w + 20;
    }

  g_array_set_size (self->ticks, 0);
  caravan_timeline_axis_compute_ticks (step, start, end, TRUE, self->ticks);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      CaravanTimelineTick *tick = &g_array_index (self->ticks, CaravanTimelineTick, i);

      tick->width = caravan_timeline_text_width (self, tick->label, tick->major);
    }
  caravan_timeline_axis_remove_overlaps (self->ticks, start, px_per_day, 5, 16, left_limit);

  for (guint i = 0; i < self->ticks->len; i++)
    {
      const CaravanTimelineTick *tick = &g_array_index (self->ticks, CaravanTimelineTick, i);
      double x = round ((tick->julian - start) * px_per_day);

      gtk_snapshot_append_color (snapshot, tick->major ? &palette->major_grid : &palette->grid,
                                 &GRAPHENE_RECT_INIT (x, self->axis_height, 1,
                                                      height - self->axis_height));
      gtk_snapshot_append_color (snapshot, &palette->tick,
                                 &GRAPHENE_RECT_INIT (x, self->axis_height - 10, 1, 10));
      if (tick->shown)
        append_text (snapshot, caravan_timeline_get_text_layout (self, tick->label, tick->major),
                     x + 5, label_y,
                     &palette->fg);
    }

  /* Where the view is, held at the left edge like a sticky header. */
  if (context != NULL)
    {
      gtk_snapshot_append_color (snapshot, &palette->axis_bg,
                                 &GRAPHENE_RECT_INIT (0, 0, context_w + 16, self->axis_height - 1));
      append_text (snapshot, caravan_timeline_get_text_layout (self, context, TRUE), 8, label_y,
                   &palette->fg);
    }
}

void
caravan_timeline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  CaravanTimelineLayout *layout;
  const CaravanTimelineItem *selected_item = NULL;
  CaravanTimelineItem overlay;
  guint selected_lane = 0;
  Palette palette;
  double start, end, px_per_day;

  caravan_timeline_ensure_metrics (self);
  get_palette (self, &palette);

  gtk_snapshot_append_color (snapshot, &palette.bg, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!caravan_timeline_get_view (self, &start, &end, &px_per_day))
    {
      gtk_snapshot_append_color (snapshot, &palette.axis_bg,
                                 &GRAPHENE_RECT_INIT (0, 0, width, self->axis_height));
      return;
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_axis (self, snapshot, &palette, start, end, px_per_day, width, height);

  if (self->n_events > 0)
    {
      layout = caravan_timeline_get_layout (self, px_per_day);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, self->axis_height, width,
                                                             height - self->axis_height));

      for (guint lane = 0; lane < caravan_timeline_layout_get_n_lanes (layout); lane++)
        {
          guint n_items;
          const CaravanTimelineItem *items = caravan_timeline_layout_get_items (layout, lane,
                                                                                &n_items);

          for (guint i = caravan_timeline_layout_find_first (layout, lane, start);
               i < n_items && items[i].start <= end;
               i++)
            {
              if (items[i].is_cluster)
                draw_cluster (self, snapshot, &palette, layout, lane, &items[i], start, px_per_day);
              else if (items[i].index == self->selected_index)
                {
                  selected_item = &items[i];
                  selected_lane = lane;
                }
              else
                draw_event (self, snapshot, &palette, lane, &items[i], start, px_per_day, width);
            }
        }

      /* The selected event goes on top of everything, even when merged into a badge. */
      if (caravan_timeline_get_overlay_item (self, layout, px_per_day, &overlay, &selected_lane))
        selected_item = &overlay;
      if (selected_item != NULL)
        draw_event (self, snapshot, &palette, selected_lane, selected_item, start, px_per_day,
                    width);

      gtk_snapshot_pop (snapshot);
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      graphene_rect_t inner;

      graphene_rect_init (&inner, 2, 2, width - 4, height - 4);
      append_ring (snapshot, &inner, 6, 2, &palette.accent);
    }

  gtk_snapshot_pop (snapshot);
}
