/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-private.h: the timeline's instance struct, shared by the widget (wiring,
 * input, actions) and its drawing code. */

#pragma once

#include "caravan-timeline.h"
#include "caravan-timeline-axis.h"
#include "caravan-timeline-layout.h"
#include "caravan-timeline-range.h"

G_BEGIN_DECLS

struct _CaravanTimeline
{
  GtkWidget parent_instance;

  CaravanSelection *selection;
  GSignalGroup *selection_signals;

  /* The story the arrays below were built from (held so its events stay alive). */
  CaravanStory *story;
  guint n_events;
  CaravanEvent **events;             /* story order, which is by start date */
  CaravanTimelineSpan *spans;        /* bar of each event, julian days, end exclusive */
  guint8 *highlighted;               /* the event happens at the selected place */
  guint selected_index;              /* G_MAXUINT when no event is selected */
  CaravanTimelineExtent extent;      /* the story's days */
  gboolean label_widths_valid;

  /* Lane layouts by zoom level (a quarter octave of pixels per day), for n_lanes lanes. */
  GHashTable *layouts;
  guint n_lanes;

  /* Text: fonts, sizes, cached layouts (only of what has been drawn). */
  PangoFontDescription *font;
  PangoFontDescription *bold_font;
  PangoLayout **event_layouts;
  PangoLayout *bold_layout;          /* the selected event's title */
  guint bold_layout_index;
  GHashTable *text_layouts;          /* axis and badge labels */
  double line_height;
  double min_pitch[CARAVAN_TIMELINE_N_UNITS];

  /* Geometry in pixels, from the font. */
  CaravanTimelineMetrics metrics;
  double axis_height;
  double lane_height;
  double bar_height;
  double lanes_top;

  CaravanTimelineItem overlay_item; /* the selected event over a badge, for hit testing */

  GArray *ticks;
  GArray *minor_ticks;

  /* Gesture state: the visible range when the gesture began. */
  double gesture_start;
  double gesture_end;
  double gesture_x;
};

#define CARAVAN_TIMELINE_MAX_LABEL_WIDTH 320.0

/* The visible range, kept in the selection (caravan-timeline.c). */
void     caravan_timeline_set_range             (CaravanTimeline *self,
                                                 double           start,
                                                 double           end);
gboolean caravan_timeline_get_range             (CaravanTimeline *self,
                                                 double          *start,
                                                 double          *end);
void     caravan_timeline_zoom_around           (CaravanTimeline *self,
                                                 double           x,
                                                 double           factor);
void     caravan_timeline_fit_range             (CaravanTimeline *self,
                                                 double           first,
                                                 double           last,
                                                 double           min_span);
void     caravan_timeline_fit_all               (CaravanTimeline *self);
void     caravan_timeline_reveal_selected_event (CaravanTimeline *self);

/* Pointer and touch input (caravan-timeline-input.c). */
void     caravan_timeline_add_input_controllers (CaravanTimeline *self);
const CaravanTimelineItem *caravan_timeline_item_at (CaravanTimeline        *self,
                                                     double                  x,
                                                     double                  y,
                                                     CaravanTimelineLayout **out_layout);

/* Widget actions and their keys (caravan-timeline-actions.c). */
void     caravan_timeline_install_actions       (GtkWidgetClass  *widget_class);
void     caravan_timeline_update_actions        (CaravanTimeline *self);

/* Drawing (caravan-timeline-snapshot.c). */
void                   caravan_timeline_snapshot          (GtkWidget       *widget,
                                                           GtkSnapshot     *snapshot);

/* Text and geometry (caravan-timeline-metrics.c). */
PangoLayout           *caravan_timeline_get_text_layout   (CaravanTimeline *self,
                                                           const char      *text,
                                                           gboolean         bold);
double                 caravan_timeline_text_width        (CaravanTimeline *self,
                                                           const char      *text,
                                                           gboolean         bold);
PangoLayout           *caravan_timeline_get_event_layout  (CaravanTimeline *self,
                                                           guint            index,
                                                           double           width);

/* What screen readers hear about the selection (caravan-timeline-announce.c). */
char                  *caravan_timeline_describe_selection (CaravanStory *story,
                                                            CaravanPlace *place,
                                                            CaravanEvent *event);
void                   caravan_timeline_ensure_metrics    (CaravanTimeline *self);
void                   caravan_timeline_invalidate_text   (CaravanTimeline *self);
void                   caravan_timeline_invalidate_layouts (CaravanTimeline *self);
void                   caravan_timeline_remeasure_title   (CaravanTimeline *self,
                                                           guint            index);

/* caravan-timeline.c */
void     caravan_timeline_load_story            (CaravanTimeline *self);
void     caravan_timeline_update_highlights     (CaravanTimeline *self);
void     caravan_timeline_update_selected_event (CaravanTimeline *self);

/* caravan-timeline-edits.c: CaravanSelection::item-changed */
void     caravan_timeline_on_item_changed       (CaravanTimeline *self,
                                                 GObject         *item,
                                                 const char      *property);
/* Marks the selection's events important for the layout (and redoes it when they change). */
void                   caravan_timeline_update_importance (CaravanTimeline *self);
guint                  caravan_timeline_lanes_for_height  (CaravanTimeline *self,
                                                           int              height);
/* The visible range and scale; FALSE when nothing can be drawn. */
gboolean               caravan_timeline_get_view          (CaravanTimeline *self,
                                                           double          *start,
                                                           double          *end,
                                                           double          *px_per_day);
/* The lane layout for @px_per_day, made on first use. */
CaravanTimelineLayout *caravan_timeline_get_layout        (CaravanTimeline *self,
                                                           double           px_per_day);
/* The selected event when it is merged into a count badge: it is drawn on its own anyway, over
 * the badge in the last lane. FALSE when it needs no such overlay. */
gboolean               caravan_timeline_get_overlay_item  (CaravanTimeline           *self,
                                                           CaravanTimelineLayout     *layout,
                                                           double                     px_per_day,
                                                           CaravanTimelineItem       *item,
                                                           guint                     *lane);
/* Bounds of @item in lane @lane: the bar or dot (@shape) and everything it covers (@area). */
void                   caravan_timeline_item_bounds       (CaravanTimeline           *self,
                                                           guint                      lane,
                                                           const CaravanTimelineItem *item,
                                                           double                     start,
                                                           double                     px_per_day,
                                                           graphene_rect_t           *shape,
                                                           graphene_rect_t           *area);

G_END_DECLS
