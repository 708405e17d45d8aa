/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window-private.h: the window's instance struct and the functions its files share. */

#pragma once

#include "caravan-application.h"
#include "caravan-excerpts-panel.h"
#include "caravan-import-report.h"
#include "caravan-inspector.h"
#include "caravan-map-view.h"
#include "caravan-presentation.h"
#include "caravan-timeline.h"
#include "caravan-window.h"

G_BEGIN_DECLS

/* Below this width the views are stacked instead of side by side. */
#define NARROW_WIDTH 860
/* The problems banner lists this many problems and sums up the rest: `caravan --validate`
 * lists them all. */
#define MAX_PROBLEMS_SHOWN 100
/* Editors write files in several steps: wait for quiet before reloading. */
#define RELOAD_DELAY_MS 300

/* What waits for the answer to "save your changes?" */
typedef enum
{
  CARAVAN_WINDOW_PENDING_NONE,
  CARAVAN_WINDOW_PENDING_CLOSE,
  CARAVAN_WINDOW_PENDING_OPEN_FILE,
  CARAVAN_WINDOW_PENDING_OPEN_BUNDLED,
  CARAVAN_WINDOW_PENDING_RELOAD,
  CARAVAN_WINDOW_PENDING_NEW,
} CaravanWindowPending;

struct _CaravanWindow
{
  AdwApplicationWindow  parent_instance;

  CaravanSelection     *selection;
  GCancellable         *cancellable;   /* cancelled in dispose */
  GCancellable         *load_cancellable;
  GFile                *file;          /* the story on screen, NULL for the bundled one */
  GFile                *loading_file;
  GFileMonitor         *monitor;
  guint                 reload_timeout;
  guint                 layout_idle;
  gboolean              narrow;

  /* Presentation mode: it steps through a selection of its own. */
  CaravanPresentation  *presentation;
  GtkWidget            *focus_before_presentation;  /* weak */
  gboolean              present_when_loaded;

  /* Editing: the story's undo stack, and what waits for "save your changes?" */
  CaravanUndoStack     *undo_stack;
  gboolean              editing;
  char                 *saved_stamp;   /* size and time of the file as Caravan last saved it */
  CaravanWindowPending  pending;
  GFile                *pending_file;
  gboolean              closing;       /* the user chose to close: no more questions */
  guint                 recovery_timeout;

  /* Exports: one at a time, with a toast while it is written. */
  gboolean              exporting;
  AdwToast             *export_toast;
  GtkWidget            *video_dialog;  /* weak: Export Video… */

  /* template children */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  GtkToggleButton      *edit_button;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkStack             *side_stack;
  CaravanInspector     *inspector;
  GtkRevealer          *problems_revealer;
  GtkLabel             *problems_title;
  GtkListView          *problems_list;
  GtkNoSelection       *problems_selection;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  GtkBox               *views_box;
  GtkBox               *map_box;
  CaravanMapView       *map_view;
  CaravanTimeline      *timeline;
  GtkWidget            *views_separator;
  CaravanExcerptsPanel *excerpts_panel;
};

/* caravan-window.c */
void     caravan_window_notify_active_selection (CaravanWindow *self);
void     caravan_window_show_state          (CaravanWindow *self,
                                             const char    *name);
/* A dialog with @heading and @body (plain text) and a Close button. */
void     caravan_window_show_error          (CaravanWindow *self,
                                             const char    *heading,
                                             const char    *body);

/* caravan-window-story.c: loading, problems, reload on change */
void     caravan_window_show_problems       (CaravanWindow *self,
                                             GFile         *file,
                                             GListModel    *problems,
                                             const GError  *error);
void     caravan_window_hide_problems       (CaravanWindow *self);
void     caravan_window_set_problem_rows    (CaravanWindow *self,
                                             GtkStringList *lines,
                                             guint          n_total);
void     caravan_window_show_story          (CaravanWindow *self,
                                             CaravanStory  *story,
                                             GFile         *file);
void     caravan_window_start_loading       (CaravanWindow *self,
                                             GFile         *file);
void     caravan_window_watch_file          (CaravanWindow *self,
                                             GFile         *file);

/* caravan-window.c: carries out what waited for "save your changes?" */
void     caravan_window_run_pending         (CaravanWindow        *self,
                                             CaravanWindowPending  pending,
                                             GFile                *file);

/* caravan-window-recovery.c: copies of unsaved edits */
void     caravan_window_schedule_recovery   (CaravanWindow *self);
/* The edits were saved or discarded: no copy is kept. */
void     caravan_window_drop_recovery       (CaravanWindow *self);

/* caravan-window-edit.c: edit mode, undo, saving, unsaved changes */
void     caravan_window_reset_undo          (CaravanWindow *self,
                                             CaravanStory  *story);
void     caravan_window_update_edit_actions (CaravanWindow *self);
/* Whether @file is as Caravan last saved it (its own save, not another program's). */
gboolean caravan_window_is_own_save         (CaravanWindow *self,
                                             GFile         *file);
/* With unsaved edits, asks whether to save them and returns TRUE: @pending runs once they are
 * saved or discarded, not at all on Cancel. FALSE (nothing asked) without unsaved edits. */
gboolean caravan_window_confirm_unsaved     (CaravanWindow        *self,
                                             CaravanWindowPending  pending,
                                             GFile                *file);
void     caravan_window_new_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter);
/* Shows a new, empty story in the edit mode (after asking about unsaved edits). */
void     caravan_window_show_new_story (CaravanWindow *self);
void     caravan_window_add_place_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void     caravan_window_add_place_at_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);
void     caravan_window_move_place_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter);
void     caravan_window_set_step_camera_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter);
void     caravan_window_clear_step_camera_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter);
void     caravan_window_add_event_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void     caravan_window_delete_selected_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter);
void     caravan_window_undo_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);
void     caravan_window_redo_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);
void     caravan_window_save_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);
void     caravan_window_save_as_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter);

/* caravan-window-import.c: Open filters per format, the import report */
void     caravan_window_add_import_filters  (GtkFileChooser *chooser);
/* Shows what an import dropped or guessed, or why it failed; FALSE when there is nothing to
 * say (a Caravan story that opened). */
gboolean caravan_window_show_import_report  (CaravanWindow       *self,
                                             CaravanImportReport *report,
                                             const GError        *error);

/* caravan-window-presentation.c */
void     caravan_window_begin_presentation  (CaravanWindow *self,
                                             gboolean       from_start);
void     caravan_window_check_presentation_action (GtkWidget  *widget,
                                                   const char *action_name,
                                                   GVariant   *parameter);

/* caravan-window-export.c */
void     caravan_window_update_export_actions (CaravanWindow *self);
void     caravan_window_export_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter);
void     caravan_window_export_image_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);
void     caravan_window_print_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter);
/* caravan-window-video.c: Export Video… */
void     caravan_window_init_video          (CaravanWindow *self);
void     caravan_window_export_video_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);

/* caravan-window-actions.c */
gboolean caravan_window_on_drop             (GtkDropTarget *target,
                                             const GValue  *value,
                                             double         x,
                                             double         y,
                                             CaravanWindow *self);
void     caravan_window_open_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);
void     caravan_window_open_bundled_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);
void     caravan_window_dismiss_problems_action (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter);
void     caravan_window_fit_story_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void     caravan_window_next_event_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter);
void     caravan_window_previous_event_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter);
void     caravan_window_present_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter);
void     caravan_window_present_from_start_action (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *parameter);

G_END_DECLS
