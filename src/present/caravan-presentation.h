/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "caravan-types.h"
#include "caravan-map-theme.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_PRESENTATION (caravan_presentation_get_type ())

G_DECLARE_FINAL_TYPE (CaravanPresentation, caravan_presentation, CARAVAN, PRESENTATION, AdwWindow)

typedef enum
{
  CARAVAN_PRESENTATION_BLANK_NONE,
  CARAVAN_PRESENTATION_BLANK_BLACK,
  CARAVAN_PRESENTATION_BLANK_WHITE,
} CaravanPresentationBlank;

/* A presentation of the story in @selection, stepping through its events by moving the
 * selection itself. Fullscreen on @monitor; windowed when @monitor is NULL (tests, debugging).
 * With a second monitor, a presenter view opens on the other one. */
CaravanPresentation     *caravan_presentation_new                  (CaravanSelection    *selection,
                                                                    GdkMonitor          *monitor);
/* Offscreen (before it is realized): shown and mapped for GTK, so its styles and sizes follow
 * every change, but its surface is never presented on a screen; the recorder drives its frame
 * clock, lays it out and draws it itself. */
void                     caravan_presentation_set_offscreen        (CaravanPresentation *self,
                                                                    gboolean             offscreen);
CaravanSelection        *caravan_presentation_get_selection        (CaravanPresentation *self);
CaravanMapView          *caravan_presentation_get_map_view         (CaravanPresentation *self);
/* The presenter view on the other monitor, or NULL. */
CaravanPresenterView    *caravan_presentation_get_presenter_view   (CaravanPresentation *self);

/* Steps: the story's events in date order. Index from 0; G_MAXUINT when none is selected. */
guint                    caravan_presentation_get_step             (CaravanPresentation *self);
guint                    caravan_presentation_get_n_steps          (CaravanPresentation *self);
gboolean                 caravan_presentation_go_to_step           (CaravanPresentation *self,
                                                                    guint                step);

CaravanPresentationBlank caravan_presentation_get_blank            (CaravanPresentation *self);
void                     caravan_presentation_set_blank            (CaravanPresentation *self,
                                                                    CaravanPresentationBlank blank);
CaravanMapTheme          caravan_presentation_get_theme            (CaravanPresentation *self);
void                     caravan_presentation_set_theme            (CaravanPresentation *self,
                                                                    CaravanMapTheme      theme);

gboolean                 caravan_presentation_get_autoplay         (CaravanPresentation *self);
void                     caravan_presentation_set_autoplay         (CaravanPresentation *self,
                                                                    gboolean             autoplay);
double                   caravan_presentation_get_seconds_per_step (CaravanPresentation *self);
void                     caravan_presentation_set_seconds_per_step (CaravanPresentation *self,
                                                                    double               seconds);
gboolean                 caravan_presentation_get_loop             (CaravanPresentation *self);
void                     caravan_presentation_set_loop             (CaravanPresentation *self,
                                                                    gboolean             loop);

/* Where the caption is, in the presentation's coordinates (tests check pins stay clear). */
gboolean                 caravan_presentation_get_caption_bounds   (CaravanPresentation *self,
                                                                    graphene_rect_t *out_bounds);

G_END_DECLS
