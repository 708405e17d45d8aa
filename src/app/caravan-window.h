/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "caravan-handout-layout.h"
#include "caravan-types.h"
#include "caravan-undo-stack.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_WINDOW (caravan_window_get_type ())

G_DECLARE_FINAL_TYPE (CaravanWindow, caravan_window, CARAVAN, WINDOW, AdwApplicationWindow)

CaravanWindow    *caravan_window_new           (CaravanApplication *application);
void              caravan_window_open_file     (CaravanWindow      *self,
                                                GFile              *file);
void              caravan_window_open_bundled  (CaravanWindow      *self);
gboolean          caravan_window_has_story     (CaravanWindow      *self);
CaravanSelection *caravan_window_get_selection (CaravanWindow      *self);
void              caravan_window_zoom_map      (CaravanWindow      *self,
                                                int                 steps);
void              caravan_window_start_presentation (CaravanWindow *self,
                                                     gboolean       from_start);
CaravanPresentation *caravan_window_get_presentation (CaravanWindow *self);
CaravanSelection *caravan_window_get_active_selection (CaravanWindow *self);

/* Editing (caravan-window-edit.c): the edit mode shows the inspector; every edit goes to the
 * undo stack of the story on screen (NULL without one). */
gboolean          caravan_window_get_editing   (CaravanWindow      *self);
void              caravan_window_set_editing   (CaravanWindow      *self,
                                                gboolean            editing);
CaravanUndoStack *caravan_window_get_undo_stack (CaravanWindow     *self);
/* Whether the story on screen has edits that are not saved. */
gboolean          caravan_window_get_modified  (CaravanWindow      *self);
/* Writes the story to @file (atomically, with a backup) and makes it the story's file. */
gboolean          caravan_window_save_to_file  (CaravanWindow      *self,
                                                GFile              *file,
                                                GError            **error);

/* After a crash, asks whether to restore the unsaved edits it left (caravan-recovery.h). */
void              caravan_window_offer_recovery (CaravanWindow     *self);

/* Exports (caravan-window-export.c), written in a thread while a toast says so; a failure is
 * shown in a dialog. The format is @file's extension: .pdf (a handout on @paper), .geojson,
 * .kml, .json (StoryMapJS) or .caravan. */
void              caravan_window_export_to_file (CaravanWindow *self,
                                                 GFile         *file,
                                                 CaravanPaper   paper);
/* The map as on screen (centre, zoom, theme, pins, the selected place) as a PNG of @width ×
 * @height logical pixels (0: the map view's size) at @scale pixels per logical pixel. */
void              caravan_window_export_image_to_file (CaravanWindow *self,
                                                       GFile         *file,
                                                       int            width,
                                                       int            height,
                                                       double         scale);
gboolean          caravan_window_is_exporting  (CaravanWindow      *self);
/* The handout's pages for GtkPrintOperation (Print, and its PDF export); NULL without a
 * story. */
GtkPrintOperation *caravan_window_create_print_operation (CaravanWindow *self);

G_END_DECLS
