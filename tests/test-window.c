/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window's views follow one selection: pins, excerpts, map camera,
 * date-dependent names, broken files, reload on change, D-Bus remote control, layouts. */

#define G_LOG_DOMAIN "caravan-test-window"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "caravan-application.h"
#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-excerpts-panel.h"
#include "caravan-map-source.h"
#include "caravan-map-view.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-test-utils.h"
#include "caravan-timeline.h"
#include "caravan-window.h"

static CaravanApplication *app;

static CaravanWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (CARAVAN_IS_WINDOW (window));
  return CARAVAN_WINDOW (window);
}

static CaravanSelection *
get_selection (void)
{
  return caravan_window_get_selection (get_window ());
}

static CaravanStory *
get_story (void)
{
  CaravanStory *story = caravan_selection_get_story (get_selection ());

  g_assert_nonnull (story);
  return story;
}

static CaravanMapView *
get_map_view (void)
{
  return CARAVAN_MAP_VIEW (caravan_test_find_widget (GTK_WIDGET (get_window ()),
                                                     CARAVAN_TYPE_MAP_VIEW, NULL));
}

static CaravanTimeline *
get_timeline (void)
{
  return CARAVAN_TIMELINE (caravan_test_find_widget (GTK_WIDGET (get_window ()),
                                                     CARAVAN_TYPE_TIMELINE, NULL));
}

static CaravanExcerptsPanel *
get_excerpts_panel (void)
{
  return CARAVAN_EXCERPTS_PANEL (caravan_test_find_widget (GTK_WIDGET (get_window ()),
                                              CARAVAN_TYPE_EXCERPTS_PANEL, NULL));
}

static void
reset_to_bundled (void)
{
  caravan_window_open_bundled (get_window ());
  caravan_selection_clear (get_selection ());
  caravan_test_iterate (50);
}

static void
assert_map_centre_near (double lat,
                        double lon)
{
  ShumateViewport *viewport = caravan_map_view_get_viewport (get_map_view ());

  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), lat,
                                  0.01);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), lon,
                                  0.01);
}

static gboolean
window_is_drawn (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data)) &&
         gtk_widget_get_width (GTK_WIDGET (user_data)) > 0;
}

static void
test_bundled_story (void)
{
  CaravanWindow *window = get_window ();
  CaravanStory *story;
  const char *featured[] = { "khorgos", "astana", "samarkand" };

  g_assert_true (caravan_test_wait_until (window_is_drawn, window, 5000));
  g_assert_true (caravan_window_has_story (window));
  story = get_story ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, caravan_story_get_title (story));

  /* The base map lies under the routes and pins, however late its source arrived. */
  {
    GtkWidget *map = caravan_test_find_widget (GTK_WIDGET (get_map_view ()), SHUMATE_TYPE_MAP,
                                               NULL);

    g_assert_true (SHUMATE_IS_MAP_LAYER (gtk_widget_get_first_child (map)));
    g_assert_true (SHUMATE_IS_MARKER_LAYER (gtk_widget_get_last_child (map)));
  }

  /* Every place has a pin; the three featured ones are styled as such. */
  for (guint i = 0; i < g_list_model_get_n_items (caravan_story_get_places (story)); i++)
    {
      g_autoptr(CaravanPlace) place = g_list_model_get_item (caravan_story_get_places (story), i);

      g_assert_nonnull (caravan_map_view_get_pin (get_map_view (), place));
    }
  for (guint i = 0; i < G_N_ELEMENTS (featured); i++)
    {
      CaravanPlace *place = caravan_story_lookup_place (story, featured[i]);
      GtkWidget *pin;

      g_assert_nonnull (place);
      pin = caravan_map_view_get_pin (get_map_view (), place);
      g_assert_true (gtk_widget_has_css_class (pin, "featured"));
    }
}

/* Clicking a pin selects its place; the excerpts panel lists that place's excerpts. */
static void
test_pin_click_selects_place (void)
{
  CaravanStory *story;
  CaravanPlace *khorgos;
  g_autoptr(GListModel) expected = NULL;
  GListModel *shown;
  GtkWidget *pin;

  reset_to_bundled ();
  story = get_story ();
  khorgos = caravan_story_lookup_place (story, "khorgos");
  pin = caravan_map_view_get_pin (get_map_view (), khorgos);
  g_signal_emit_by_name (pin, "clicked");
  caravan_test_iterate (50);

  g_assert_true (caravan_selection_get_place (get_selection ()) == khorgos);
  g_assert_true (gtk_widget_has_css_class (pin, "selected"));

  /* The timeline highlights exactly Khorgos's events. */
  {
    g_autoptr(GListModel) own = caravan_story_list_events_of_place (story, khorgos);
    GListModel *all = caravan_story_get_events (story);
    guint n_highlighted = 0;

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(CaravanEvent) event = g_list_model_get_item (all, i);

        if (caravan_timeline_is_event_highlighted (get_timeline (), event))
          {
            g_assert_true (caravan_event_has_place (event, khorgos));
            n_highlighted++;
          }
      }
    g_assert_cmpuint (n_highlighted, ==, g_list_model_get_n_items (own));
    g_assert_cmpuint (n_highlighted, >, 0);
  }

  expected = caravan_story_list_excerpts_of_place (story, khorgos);
  shown = caravan_excerpts_panel_get_excerpts (get_excerpts_panel ());
  g_assert_cmpuint (g_list_model_get_n_items (expected), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (expected));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (expected, i);
      g_autoptr(GObject) b = g_list_model_get_item (shown, i);

      g_assert_true (a == b);
    }

  /* The map flew there. */
  assert_map_centre_near (caravan_place_get_latitude (khorgos),
                          caravan_place_get_longitude (khorgos));

  /* The dry port, 13 km away, hides under the selected pin at zoom 6 and shows at zoom 10. */
  {
    CaravanPlace *dry_port = caravan_story_lookup_place (story, "khorgos-dry-port");
    ShumateViewport *viewport = caravan_map_view_get_viewport (get_map_view ());

    shumate_viewport_set_zoom_level (viewport, 6);
    g_assert_true (caravan_map_view_get_pin_shown (get_map_view (), khorgos));
    g_assert_false (caravan_map_view_get_pin_shown (get_map_view (), dry_port));
    shumate_viewport_set_zoom_level (viewport, 10);
    g_assert_true (caravan_map_view_get_pin_shown (get_map_view (), dry_port));
    g_assert_true (caravan_map_view_get_pin_shown (get_map_view (), khorgos));
  }
}

static GtkGesture *
find_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE (controller);
    }

  return NULL;
}

/* Clicking an event on the timeline moves the map centre to its place. */
static void
test_event_moves_map (void)
{
  CaravanTimeline *timeline = get_timeline ();
  CaravanStory *story;
  CaravanEvent *event;
  CaravanPlace *place;
  GtkGesture *click;
  graphene_rect_t bounds;
  GListModel *excerpts;

  reset_to_bundled ();
  story = get_story ();
  event = caravan_story_lookup_event (story, "akmola-renamed-astana");
  g_assert_nonnull (event);
  place = caravan_event_get_first_place (event);

  /* The story's first view shows the whole span; the 1998 renaming stands alone there. */
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.fit-all", NULL);
  caravan_test_iterate (50);
  g_assert_true (caravan_timeline_get_event_bounds (timeline, event, &bounds));
  click = find_click_gesture (GTK_WIDGET (timeline));
  g_assert_nonnull (click);
  g_signal_emit_by_name (click, "pressed", 1, bounds.origin.x + 4,
                         bounds.origin.y + bounds.size.height / 2);
  g_signal_emit_by_name (click, "released", 1, bounds.origin.x + 4,
                         bounds.origin.y + bounds.size.height / 2);
  caravan_test_iterate (50);

  g_assert_true (caravan_selection_get_event (get_selection ()) == event);

  g_assert_true (caravan_selection_get_place (get_selection ()) == place);
  assert_map_centre_near (caravan_place_get_latitude (place), caravan_place_get_longitude (place));
  excerpts = caravan_excerpts_panel_get_excerpts (get_excerpts_panel ());
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), >, 0);
}

static gboolean
not_flying (gpointer user_data)
{
  return !caravan_map_view_get_flying (user_data);
}

/* With animations on, the map flies, keeps drawing, and tells when the flight has ended
 * (through the animation-completed workaround). */
static void
test_flight_completes (void)
{
  CaravanMapView *map_view;
  CaravanPlace *samarkand;

  reset_to_bundled ();
  map_view = get_map_view ();
  samarkand = caravan_story_lookup_place (get_story (), "samarkand");

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  /* From the story's overview to the event's close-up camera (zoom 10). */
  caravan_selection_select_event (get_selection (),
                                  caravan_story_lookup_event (get_story (),
                                                              "borrell-samarkand-speech"));
  caravan_test_iterate (30);
  g_assert_true (caravan_map_view_get_flying (map_view));
  g_assert_true (caravan_test_wait_until (not_flying, map_view, 5000));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  assert_map_centre_near (caravan_place_get_latitude (samarkand),
                          caravan_place_get_longitude (samarkand));

  /* After the flight the selected pin is drawn, with its tip on the place. */
  caravan_test_iterate (200);
  {
    GtkWidget *pin = caravan_map_view_get_pin (map_view, samarkand);
    graphene_rect_t bounds;
    double x, y;

    g_assert_true (gtk_widget_get_mapped (pin));
    g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_parent (pin)));
    g_assert_true (gtk_widget_compute_bounds (pin, GTK_WIDGET (map_view), &bounds));
    shumate_viewport_location_to_widget_coords (caravan_map_view_get_viewport (map_view),
                                                GTK_WIDGET (map_view),
                                                caravan_place_get_latitude (samarkand),
                                                caravan_place_get_longitude (samarkand), &x, &y);
    g_test_message ("pin %g,%g %gx%g; place at %g,%g", bounds.origin.x, bounds.origin.y,
                    bounds.size.width, bounds.size.height, x, y);
    g_assert_cmpfloat (fabs (bounds.origin.x + bounds.size.width / 2 - x), <, 2);
    g_assert_cmpfloat (fabs (bounds.origin.y + bounds.size.height - y), <, 6);
    caravan_test_save_screenshot (GTK_WIDGET (get_window ()), "window-after-flight");
  }
}

/* Next and previous walk the events in date order. */
static void
test_next_previous (void)
{
  GtkWidget *window = GTK_WIDGET (get_window ());
  GListModel *events;
  guint n;

  reset_to_bundled ();
  events = caravan_story_get_events (get_story ());
  n = g_list_model_get_n_items (events);
  g_assert_cmpuint (n, >, 10);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaravanEvent) expected = g_list_model_get_item (events, i);

      g_assert_true (gtk_widget_activate_action (window, "win.next-event", NULL));
      g_assert_true (caravan_selection_get_event (get_selection ()) == expected);
      if (i > 0)
        {
          g_autoptr(CaravanEvent) before = g_list_model_get_item (events, i - 1);

          g_assert_cmpint (caravan_date_compare (caravan_event_get_date (before),
                                                 caravan_event_get_date (expected)), <=, 0);
        }
    }

  /* At the end, next changes nothing; previous steps back. */
  g_assert_true (gtk_widget_activate_action (window, "win.next-event", NULL));
  {
    g_autoptr(CaravanEvent) last = g_list_model_get_item (events, n - 1);
    g_autoptr(CaravanEvent) before_last = g_list_model_get_item (events, n - 2);

    g_assert_true (caravan_selection_get_event (get_selection ()) == last);
    g_assert_true (gtk_widget_activate_action (window, "win.previous-event", NULL));
    g_assert_true (caravan_selection_get_event (get_selection ()) == before_last);
  }
}

/* The capital's pin is labelled with the name valid at the selected event's date. */
static void
test_pin_label_follows_date (void)
{
  CaravanStory *story;
  CaravanPlace *astana;
  CaravanEvent *event;

  reset_to_bundled ();
  story = get_story ();
  astana = caravan_story_lookup_place (story, "astana");

  event = caravan_story_lookup_event (story, "xi-visits-myanmar");
  caravan_selection_select_event (get_selection (), event);
  caravan_test_iterate (20);
  g_assert_cmpstr (caravan_map_view_get_pin_label (get_map_view (), astana), ==, "Nur-Sultan");

  event = caravan_story_lookup_event (story, "xi-proposes-silk-road-economic-belt");
  caravan_selection_select_event (get_selection (), event);
  caravan_test_iterate (20);
  g_assert_cmpstr (caravan_map_view_get_pin_label (get_map_view (), astana), ==, "Astana");

  event = caravan_story_lookup_event (story, "presidential-election");
  caravan_selection_select_event (get_selection (), event);
  caravan_test_iterate (20);
  g_assert_cmpstr (caravan_map_view_get_pin_label (get_map_view (), astana), ==, "Astana");
}

/* Filter by time fades pins whose events all lie outside the visible range. */
static void
test_filter_by_time (void)
{
  CaravanSelection *selection;
  CaravanStory *story;
  CaravanPlace *bruges, *astana;
  CaravanDate from, to;

  reset_to_bundled ();
  selection = get_selection ();
  story = get_story ();
  bruges = caravan_story_lookup_place (story, "bruges-college-of-europe");
  astana = caravan_story_lookup_place (story, "astana");

  /* Only 2019 is visible: Bruges (2022) fades, Astana (renamed in 2019) does not. */
  caravan_date_init_day (&from, 2019, 1, 1);
  caravan_date_init_day (&to, 2019, 12, 31);
  caravan_selection_set_visible_range (selection, caravan_date_get_first_julian (&from),
                                       caravan_date_get_last_julian (&to));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()), "win.filter-by-time",
                                             NULL));
  caravan_test_iterate (20);
  g_assert_true (caravan_selection_get_filter_by_time (selection));
  g_assert_true (caravan_map_view_get_pin_faded (get_map_view (), bruges));
  g_assert_false (caravan_map_view_get_pin_faded (get_map_view (), astana));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()), "win.filter-by-time",
                                             NULL));
  caravan_test_iterate (20);
  g_assert_false (caravan_selection_get_filter_by_time (selection));
  g_assert_false (caravan_map_view_get_pin_faded (get_map_view (), bruges));
}

static gboolean
problems_shown (gpointer user_data)
{
  GtkWidget *revealer = caravan_test_find_widget (GTK_WIDGET (get_window ()), GTK_TYPE_REVEALER,
                                                  NULL);

  return revealer != NULL && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static const char *
get_problems_text (void)
{
  GtkWidget *revealer = caravan_test_find_widget (GTK_WIDGET (get_window ()), GTK_TYPE_REVEALER,
                                                  NULL);
  GtkWidget *label = caravan_test_find_widget (revealer, GTK_TYPE_LABEL, "monospace");

  return gtk_label_get_text (GTK_LABEL (label));
}

/* A broken file shows its problems with their positions and keeps the story on screen. */
static void
test_broken_file_keeps_story (void)
{
  g_autofree char *dir = g_dir_make_tmp ("caravan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CaravanStory *before;

  reset_to_bundled ();
  before = get_story ();
  g_assert_true (g_file_set_contents (path,
                                      "{\n"
                                      "  \"format_version\": 1,\n"
                                      "  \"title\": \"Broken\",\n"
                                      "  \"places\": [\n"
                                      "    {\"id\": \"x\", \"lat\": 95, \"lon\": 10}\n"
                                      "  ]\n",
                                      -1, NULL));

  caravan_window_open_file (get_window (), file);
  g_assert_true (caravan_test_wait_until (problems_shown, NULL, 5000));

  g_assert_true (get_story () == before);
  g_assert_nonnull (strstr (get_problems_text (), "broken.caravan:"));
  g_test_message ("Problems shown: %s", get_problems_text ());
  caravan_test_save_screenshot (GTK_WIDGET (get_window ()), "window-broken-file");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()), "win.dismiss-problems",
                                             NULL));
  g_assert_false (problems_shown (NULL));
  g_unlink (path);
  g_rmdir (dir);
}

static char *
read_bundled_story_text (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CARAVAN_SOURCE_DIR"), "data", "stories",
                                            "multipolarity-kazakh-steppes.caravan", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static gboolean
title_is (gpointer user_data)
{
  CaravanStory *story = caravan_selection_get_story (get_selection ());

  return story != NULL && g_strcmp0 (caravan_story_get_title (story), user_data) == 0;
}

static gboolean
story_is_not (gpointer user_data)
{
  return caravan_selection_get_story (get_selection ()) != user_data;
}

/* Editing the open file on disk reloads it; a broken save keeps the last good story. */
static void
test_reload_on_change (void)
{
  g_autofree char *dir = g_dir_make_tmp ("caravan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = read_bundled_story_text ();
  g_autoptr(GRegex) regex = g_regex_new ("\"title\": \"[^\"]*\"", 0, 0, NULL);
  g_autofree char *edited = g_regex_replace (regex, text, -1, 0, "\"title\": \"Edited on disk\"",
                                             G_REGEX_MATCH_NOTEMPTY_ATSTART, NULL);
  g_autofree char *first_title = NULL;
  CaravanStory *story;

  reset_to_bundled ();
  story = get_story ();
  first_title = g_strdup (caravan_story_get_title (story));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  caravan_window_open_file (get_window (), file);
  g_assert_true (caravan_test_wait_until (story_is_not, story, 5000));
  g_assert_true (title_is (first_title));
  caravan_selection_select_place (get_selection (), caravan_story_lookup_place (get_story (),
                                                                                "samarkand"));
  story = get_story ();

  /* Only the first "title" (the story's) changes. */
  g_assert_cmpstr (edited, !=, text);
  g_assert_true (g_file_set_contents (path, edited, -1, NULL));
  g_assert_true (caravan_test_wait_until (title_is, (gpointer) "Edited on disk", 5000));
  g_assert_true (get_story () != story);
  /* The reload kept the selected place. */
  g_assert_cmpstr (caravan_place_get_id (caravan_selection_get_place (get_selection ())), ==,
                   "samarkand");

  /* A broken save shows the errors and keeps the last good story. */
  story = get_story ();
  g_assert_true (g_file_set_contents (path, "{ \"format_version\": 1, ", -1, NULL));
  g_assert_true (caravan_test_wait_until (problems_shown, NULL, 5000));
  g_assert_true (get_story () == story);
  g_assert_nonnull (strstr (get_problems_text (), "story.caravan:1:"));

  gtk_widget_activate_action (GTK_WIDGET (get_window ()), "win.dismiss-problems", NULL);
  reset_to_bundled ();
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
remote_action_ready (gpointer user_data)
{
  return g_action_group_has_action (G_ACTION_GROUP (user_data), "select-place");
}

static gboolean
place_selected_is (gpointer user_data)
{
  CaravanPlace *place = caravan_selection_get_place (get_selection ());

  return place != NULL && g_str_equal (caravan_place_get_id (place), user_data);
}

static gboolean
remote_state_is (gpointer user_data)
{
  GActionGroup *group = g_object_get_data (G_OBJECT (app), "test-remote-group");
  g_autoptr(GVariant) state = g_action_group_get_action_state (group, "select-place");

  return state != NULL && g_str_equal (g_variant_get_string (state, NULL), user_data);
}

/* Actions exported on D-Bus change the selection, and their state tells what is selected. */
static void
test_dbus_actions (void)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (app));
  g_autoptr(GDBusActionGroup) remote = NULL;
  g_auto(GStrv) names = NULL;

  reset_to_bundled ();
  g_assert_nonnull (connection);
  remote = g_dbus_action_group_get (connection, g_dbus_connection_get_unique_name (connection),
                                    g_application_get_dbus_object_path (G_APPLICATION (app)));
  g_object_set_data (G_OBJECT (app), "test-remote-group", remote);
  names = g_action_group_list_actions (G_ACTION_GROUP (remote));
  g_assert_true (caravan_test_wait_until (remote_action_ready, remote, 5000));

  g_action_group_activate_action (G_ACTION_GROUP (remote), "select-place",
                                  g_variant_new_string ("khorgos"));
  g_assert_true (caravan_test_wait_until (place_selected_is, (gpointer) "khorgos", 5000));
  g_assert_true (caravan_test_wait_until (remote_state_is, (gpointer) "khorgos", 5000));

  g_action_group_activate_action (G_ACTION_GROUP (remote), "select-event",
                                  g_variant_new_string ("borrell-samarkand-speech"));
  g_assert_true (caravan_test_wait_until (place_selected_is, (gpointer) "samarkand", 5000));
  g_object_set_data (G_OBJECT (app), "test-remote-group", NULL);
}

/* The map style menu switches themes with a new source (libshumate caches tiles by source);
 * the online layer is an option that the offline map replaces again. */
static void
test_map_theme_and_online_layer (void)
{
  CaravanWindow *window = get_window ();
  CaravanMapView *map_view = get_map_view ();
  ShumateMapSource *before, *source;

  reset_to_bundled ();
  before = caravan_map_view_get_map_source (map_view);
  g_assert_true (CARAVAN_IS_MAP_SOURCE (before));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.map-theme", "s",
                                             "projector"));
  source = caravan_map_view_get_map_source (map_view);
  g_assert_true (source != before);
  g_assert_true (SHUMATE_IS_MARKER_LAYER (gtk_widget_get_last_child (
    caravan_test_find_widget (GTK_WIDGET (map_view), SHUMATE_TYPE_MAP, NULL))));
  g_assert_cmpint (caravan_map_source_get_theme (CARAVAN_MAP_SOURCE (source)), ==,
                   CARAVAN_MAP_THEME_PROJECTOR);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.online-tiles", NULL));
  g_assert_false (CARAVAN_IS_MAP_SOURCE (caravan_map_view_get_map_source (map_view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.online-tiles", NULL));
  g_assert_true (CARAVAN_IS_MAP_SOURCE (caravan_map_view_get_map_source (map_view)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.map-theme", "s", "auto"));
  source = caravan_map_view_get_map_source (map_view);
  g_assert_cmpint (caravan_map_source_get_theme (CARAVAN_MAP_SOURCE (source)), ==,
                   CARAVAN_MAP_THEME_LIGHT);
}

static GtkOrientation
get_views_orientation (void)
{
  GtkWidget *map_view = GTK_WIDGET (get_map_view ());
  GtkWidget *views_box = gtk_widget_get_parent (gtk_widget_get_parent (map_view));

  return gtk_orientable_get_orientation (GTK_ORIENTABLE (views_box));
}

static gboolean
orientation_is (gpointer user_data)
{
  return get_views_orientation () == (GtkOrientation) GPOINTER_TO_INT (user_data);
}

/* Side by side at 1280x800, stacked at 800x600; screenshots of both. */
static void
test_layouts (void)
{
  CaravanWindow *window = get_window ();
  CaravanStory *story;

  reset_to_bundled ();
  story = get_story ();
  caravan_selection_select_event (get_selection (),
                                  caravan_story_lookup_event (story, "khorgos-dry-port-opens"));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (caravan_test_wait_until (orientation_is,
                                          GINT_TO_POINTER (GTK_ORIENTATION_HORIZONTAL), 5000));
  caravan_test_iterate (300);
  caravan_test_save_screenshot (GTK_WIDGET (window), "window-1280x800");

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  g_assert_true (caravan_test_wait_until (orientation_is,
                                          GINT_TO_POINTER (GTK_ORIENTATION_VERTICAL), 5000));
  caravan_test_iterate (300);
  caravan_test_save_screenshot (GTK_WIDGET (window), "window-800x600");
  {
    /* Stacked on an 800×600 screen, the window fits under a 40 px panel, and the excerpts
     * panel (which scrolls to its last button, "Read the Article") is inside it. */
    GtkWidget *panel = GTK_WIDGET (get_excerpts_panel ());
    GtkWidget *article = caravan_test_find_widget (panel, GTK_TYPE_BUTTON, "pill");
    graphene_rect_t bounds;
    int min_height;

    gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (window)), GTK_ORIENTATION_VERTICAL,
                        800, &min_height, NULL, NULL, NULL);
    g_test_message ("stacked at 800 px wide: at least %d px high", min_height);
    g_assert_cmpint (min_height, <=, 560);
    g_assert_nonnull (article);
    g_assert_nonnull (gtk_widget_get_ancestor (article, GTK_TYPE_SCROLLED_WINDOW));
    g_assert_true (gtk_widget_compute_bounds (panel, GTK_WIDGET (window), &bounds));
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                       gtk_widget_get_height (GTK_WIDGET (window)));
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (caravan_test_wait_until (orientation_is,
                                          GINT_TO_POINTER (GTK_ORIENTATION_HORIZONTAL), 5000));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  caravan_test_init (&argc, &argv);

  app = caravan_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/window/bundled-story", test_bundled_story);
  g_test_add_func ("/window/pin-click-selects-place", test_pin_click_selects_place);
  g_test_add_func ("/window/event-moves-map", test_event_moves_map);
  g_test_add_func ("/window/flight-completes", test_flight_completes);
  g_test_add_func ("/window/next-previous", test_next_previous);
  g_test_add_func ("/window/pin-label-follows-date", test_pin_label_follows_date);
  g_test_add_func ("/window/filter-by-time", test_filter_by_time);
  g_test_add_func ("/window/broken-file-keeps-story", test_broken_file_keeps_story);
  g_test_add_func ("/window/reload-on-change", test_reload_on_change);
  g_test_add_func ("/window/dbus-actions", test_dbus_actions);
  g_test_add_func ("/window/map-theme-and-online-layer", test_map_theme_and_online_layer);
  g_test_add_func ("/window/layouts", test_layouts);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
