/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-presentation-private.h: the presentation's instance struct and the functions its
 * files share: the window itself, its keys and playback, and its caption layout. */

#pragma once

#include "caravan-map-theme.h"
#include "caravan-map-view.h"
#include "caravan-presentation.h"
#include "caravan-presenter-view.h"

G_BEGIN_DECLS

#define DEFAULT_SECONDS_PER_STEP 10.0

struct _CaravanPresentation
{
  AdwWindow                 parent_instance;

  CaravanSelection         *selection;
  GSignalGroup             *selection_signals;
  CaravanPresenterView     *presenter_view;
  GdkMonitor               *monitor;
  GString                  *typed_step;     /* digits typed before Enter */
  CaravanPresentationBlank  blank;
  gboolean                  autoplay;
  gboolean                  autoplay_used;
  gboolean                  loop;
  double                    seconds_per_step;
  guint                     autoplay_timeout;
  guint                     layout_idle;
  int                       layout_width;
  int                       layout_height;
  gboolean                  offscreen;      /* shown to GTK, never on screen (recordings) */

  /* template children */
  CaravanMapView           *map_view;
  GtkWidget                *caption_box;
  GtkBox                   *caption_inner;
  GtkLabel                 *title_label;
  GtkLabel                 *date_label;
  GtkLabel                 *quote_label;
  GtkWidget                *strip_box;
  GtkDrawingArea           *strip;
  GtkLabel                 *autoplay_label;
  GtkLabel                 *progress_label;
  GtkWidget                *blank_box;
};

typedef enum
{
  PROP_0,
  PROP_SELECTION,
  PROP_STEP,
  PROP_BLANK,
  PROP_THEME,
  PROP_AUTOPLAY,
  PROP_SECONDS_PER_STEP,
  PROP_LOOP,
  N_PROPS
} CaravanPresentationProperty;

/* The window (caravan-presentation.c). */
CaravanStory *caravan_presentation_get_story              (CaravanPresentation *self);
void          caravan_presentation_notify                 (CaravanPresentation *self,
                                                           CaravanPresentationProperty prop);

/* Keys, actions, blanking and autoplay (caravan-presentation-keys.c). */
void          caravan_presentation_add_key_controller     (CaravanPresentation *self,
                                                           GtkWidget           *window);
void          caravan_presentation_install_actions        (GtkWidgetClass      *widget_class);
void          caravan_presentation_restart_autoplay_timer (CaravanPresentation *self);
void          caravan_presentation_update_autoplay_label  (CaravanPresentation *self);

/* Caption, progress and strip (caravan-presentation-layout.c). */
void          caravan_presentation_update_caption         (CaravanPresentation *self);
void          caravan_presentation_update_progress        (CaravanPresentation *self);
void          caravan_presentation_queue_layout           (CaravanPresentation *self);
void          caravan_presentation_draw_strip             (GtkDrawingArea      *area,
                                                           cairo_t             *cr,
                                                           int                  width,
                                                           int                  height,
                                                           gpointer             user_data);
/* The map view's magnification for a window @height px high. */
guint         caravan_presentation_magnification_for_height (int                height);

G_END_DECLS
