/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timeline.c: the timeline widget: clicks, highlights, keyboard walk, zoom, pan, fit,
 * accessibility, screenshots of the bundled story. */

#define G_LOG_DOMAIN "caravan-test-timeline"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-test-utils.h"
#include "caravan-timeline.h"

#define WIDTH 1280
#define HEIGHT 200

typedef struct
{
  GtkWindow *window;
  CaravanTimeline *timeline;
  CaravanSelection *selection;
  CaravanStory *story;
} Fixture;

static gboolean
is_drawn (gpointer user_data)
{
  GtkWidget *widget = user_data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) == WIDTH;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->story = caravan_story_load_bundled (&error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->story);

  fixture->selection = caravan_selection_new ();
  fixture->timeline = CARAVAN_TIMELINE (caravan_timeline_new ());
  caravan_timeline_set_selection (fixture->timeline, fixture->selection);
  g_assert_true (caravan_timeline_get_selection (fixture->timeline) == fixture->selection);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (fixture->window, FALSE);
  gtk_window_set_default_size (fixture->window, WIDTH, HEIGHT);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->timeline));
  gtk_window_present (fixture->window);
  g_assert_true (caravan_test_wait_until (is_drawn, fixture->timeline, 5000));

  caravan_selection_set_story (fixture->selection, fixture->story);
  caravan_test_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->story);
}

static CaravanEvent *
lookup_event (Fixture    *fixture,
              const char *id)
{
  CaravanEvent *event = caravan_story_lookup_event (fixture->story, id);

  g_assert_nonnull (event);
  return event;
}

static double
visible_span (Fixture *fixture)
{
  return caravan_selection_get_visible_end (fixture->selection) -
         caravan_selection_get_visible_start (fixture->selection);
}

/* The date under pixel @x of the timeline. */
static double
julian_at (Fixture *fixture,
           double   x)
{
  return caravan_selection_get_visible_start (fixture->selection) +
         x / WIDTH * visible_span (fixture);
}

static void
set_range_to_year (Fixture *fixture,
                   int      year)
{
  GDate first, next;

  g_date_clear (&first, 1);
  g_date_clear (&next, 1);
  g_date_set_dmy (&first, 1, 1, year);
  g_date_set_dmy (&next, 1, 1, year + 1);
  caravan_selection_set_visible_range (fixture->selection, g_date_get_julian (&first),
                                       g_date_get_julian (&next));
}

static void
set_range_to_days (Fixture *fixture,
                   int      year,
                   int      month,
                   int      day,
                   int      n_days)
{
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, day, month, year);
  caravan_selection_set_visible_range (fixture->selection, g_date_get_julian (&first),
                                       g_date_get_julian (&first) + n_days);
}

static GtkGesture *
find_gesture (GtkWidget *widget,
              GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

static void
click_at (Fixture *fixture,
          double   x,
          double   y)
{
  GtkGesture *click = find_gesture (GTK_WIDGET (fixture->timeline), GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
}

static void
click_event (Fixture      *fixture,
             CaravanEvent *event)
{
  graphene_rect_t bounds;

  g_assert_true (caravan_timeline_get_event_bounds (fixture->timeline, event, &bounds));
  g_assert_true (caravan_timeline_event_at (fixture->timeline,
                                            bounds.origin.x + bounds.size.width / 2,
                                            bounds.origin.y + bounds.size.height / 2) == event);
  click_at (fixture, bounds.origin.x + bounds.size.width / 2,
            bounds.origin.y + bounds.size.height / 2);
}

static void
test_fit_all (Fixture       *fixture,
              gconstpointer  data)
{
  guint32 first, last;
  double start = caravan_selection_get_visible_start (fixture->selection);
  double end = caravan_selection_get_visible_end (fixture->selection);
  double span;

  g_assert_true (caravan_story_get_time_span (fixture->story, &first, &last));
  span = last + 1.0 - first;

  /* A new story is shown whole, with a margin of 4 % of its span on the left and 15 % on the
   * right, where the titles of the last events go. */
  g_assert_cmpfloat_with_epsilon (start, first - span * 0.04, 0.01);
  g_assert_cmpfloat_with_epsilon (end, last + 1.0 + span * 0.15, 0.01);

  set_range_to_year (fixture, 2022);
  gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.fit-all", NULL);
  g_assert_cmpfloat_with_epsilon (caravan_selection_get_visible_start (fixture->selection), start,
                                  0.01);
  g_assert_cmpfloat_with_epsilon (caravan_selection_get_visible_end (fixture->selection), end,
                                  0.01);
}

static void
test_click_selects (Fixture       *fixture,
                    gconstpointer  data)
{
  CaravanEvent *belt = lookup_event (fixture, "xi-proposes-silk-road-economic-belt");
  CaravanEvent *election = lookup_event (fixture, "presidential-election");
  CaravanEvent *samarkand = lookup_event (fixture, "borrell-samarkand-speech");

  /* Whole story: an isolated event in 2013. */
  click_event (fixture, belt);
  g_assert_true (caravan_selection_get_event (fixture->selection) == belt);
  g_assert_true (caravan_selection_get_place (fixture->selection) ==
                 caravan_event_get_first_place (belt));

  /* Zoomed into the November 2022 cluster, events stack and each can be clicked. */
  set_range_to_days (fixture, 2022, 11, 1, 30);
  caravan_test_iterate (20);
  click_event (fixture, election);
  g_assert_true (caravan_selection_get_event (fixture->selection) == election);
  click_event (fixture, samarkand);
  g_assert_true (caravan_selection_get_event (fixture->selection) == samarkand);

  /* Empty space selects nothing new. */
  click_at (fixture, 2, HEIGHT - 3);
  g_assert_true (caravan_selection_get_event (fixture->selection) == samarkand);
}

static void
test_cluster_badge (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *events = caravan_story_get_events (fixture->story);
  guint n_drawn = 0, n_hidden = 0;
  double span_before = visible_span (fixture);

  /* At the whole story, the dense 2022 cluster cannot all be drawn: some merge into a badge. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
      graphene_rect_t bounds;

      if (caravan_timeline_get_event_bounds (fixture->timeline, event, &bounds))
        {
          n_drawn++;
          g_assert_cmpfloat (bounds.origin.x, >=, 0);
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, WIDTH);
          g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, HEIGHT);
        }
      else
        n_hidden++;
    }
  g_assert_cmpuint (n_drawn, >, 10);
  g_assert_cmpuint (n_hidden, >, 0);

  /* Clicking near the right end (where 2022 is) hits the badge and zooms in on its events. */
  for (double y = HEIGHT - 4; y > 40; y -= 4)
    {
      for (double x = 1000; x < WIDTH - 20; x += 2)
        {
          if (caravan_timeline_event_at (fixture->timeline, x, y) == NULL)
            {
              click_at (fixture, x, y);
              if (visible_span (fixture) < span_before)
                goto zoomed;
            }
        }
    }
  g_assert_not_reached ();

zoomed:
  g_assert_cmpfloat (visible_span (fixture), <, span_before / 4);
}

static void
test_place_highlight (Fixture       *fixture,
                      gconstpointer  data)
{
  CaravanPlace *samarkand = caravan_story_lookup_place (fixture->story, "samarkand");
  CaravanEvent *speech = lookup_event (fixture, "borrell-samarkand-speech");
  CaravanEvent *election = lookup_event (fixture, "presidential-election");
  GListModel *events = caravan_story_get_events (fixture->story);
  g_autoptr(GdkTexture) shot = NULL;
  graphene_rect_t speech_bounds, election_bounds;
  guint8 speech_rgba[4], election_rgba[4];
  guint n_highlighted = 0;

  g_assert_nonnull (samarkand);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);

      g_assert_false (caravan_timeline_is_event_highlighted (fixture->timeline, event));
    }

  caravan_selection_select_place (fixture->selection, samarkand);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
      gboolean expected = caravan_event_has_place (event, samarkand);

      g_assert_cmpint (caravan_timeline_is_event_highlighted (fixture->timeline, event), ==,
                       expected);
      n_highlighted += expected;
    }
  g_assert_cmpuint (n_highlighted, ==, 2);

  /* Drawn differently: the Samarkand speech in the accent colour, the election dimmed. */
  set_range_to_days (fixture, 2022, 11, 1, 30);
  caravan_test_iterate (20);
  g_assert_true (caravan_timeline_get_event_bounds (fixture->timeline, speech, &speech_bounds));
  /* The Samarkand events keep their titles and may push others into a count badge: take the
   * election if it is shown, else another event of those weeks that is not Samarkand's. */
  if (!caravan_timeline_get_event_bounds (fixture->timeline, election, &election_bounds))
    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);

        if (!caravan_event_has_place (event, samarkand) &&
            caravan_timeline_get_event_bounds (fixture->timeline, event, &election_bounds) &&
            election_bounds.origin.x >= 0 &&
            election_bounds.origin.x + election_bounds.size.width <=
              gtk_widget_get_width (GTK_WIDGET (fixture->timeline)))
          {
            election = event;
            break;
          }
      }
  g_assert_true (caravan_timeline_get_event_bounds (fixture->timeline, election, &election_bounds));
  g_test_message ("dimmed: %s", caravan_event_get_title (election));
  shot = caravan_test_save_screenshot (GTK_WIDGET (fixture->timeline), "timeline-place-samarkand");
  g_assert_true (caravan_test_texture_pixel (shot,
                                             speech_bounds.origin.x + speech_bounds.size.width / 2,
                                             speech_bounds.origin.y + speech_bounds.size.height / 2,
                                             speech_rgba));
  g_assert_true (caravan_test_texture_pixel (shot,
                                             election_bounds.origin.x
                                             + election_bounds.size.width / 2,
                                             election_bounds.origin.y
                                             + election_bounds.size.height / 2,
                                             election_rgba));
  /* Adwaita's accent is blue; the dimmed event is a grey. */
  g_assert_cmpint (speech_rgba[2], >, speech_rgba[0] + 60);
  g_assert_cmpint (abs (election_rgba[2] - election_rgba[0]), <, 20);

  caravan_selection_select_place (fixture->selection, NULL);
  g_assert_false (caravan_timeline_is_event_highlighted (fixture->timeline, speech));
}

static guint
selected_index (Fixture *fixture)
{
  CaravanEvent *event = caravan_selection_get_event (fixture->selection);

  g_assert_nonnull (event);
  return caravan_story_get_event_index (fixture->story, event);
}

static void
test_keyboard_walk (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);
  GListModel *events = caravan_story_get_events (fixture->story);
  guint n = g_list_model_get_n_items (events);
  guint32 previous_first = 0;

  g_assert_true (gtk_widget_get_focusable (widget));
  g_assert_true (gtk_widget_grab_focus (widget));

  gtk_widget_activate_action (widget, "timeline.select-first", NULL);
  g_assert_cmpuint (selected_index (fixture), ==, 0);

  /* Right walks every event in date order, each scrolled into view and drawn on its own. */
  for (guint i = 1; i < n; i++)
    {
      CaravanEvent *event;
      guint32 first;
      graphene_rect_t bounds;

      gtk_widget_activate_action (widget, "timeline.select-next", NULL);
      g_assert_cmpuint (selected_index (fixture), ==, i);
      event = caravan_selection_get_event (fixture->selection);
      first = caravan_date_get_first_julian (caravan_event_get_date (event));
      g_assert_cmpuint (first, >=, previous_first);
      previous_first = first;
      g_test_message ("event %u: %s", i, caravan_event_get_id (event));
      g_assert_true (caravan_timeline_get_event_bounds (fixture->timeline, event, &bounds));
    }

  /* At the end, next changes nothing. */
  gtk_widget_activate_action (widget, "timeline.select-next", NULL);
  g_assert_cmpuint (selected_index (fixture), ==, n - 1);

  gtk_widget_activate_action (widget, "timeline.select-previous", NULL);
  g_assert_cmpuint (selected_index (fixture), ==, n - 2);
  gtk_widget_activate_action (widget, "timeline.select-first", NULL);
  g_assert_cmpuint (selected_index (fixture), ==, 0);
  gtk_widget_activate_action (widget, "timeline.select-last", NULL);
  g_assert_cmpuint (selected_index (fixture), ==, n - 1);

}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_activate_reselects (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);
  CaravanEvent *belt = lookup_event (fixture, "xi-proposes-silk-road-economic-belt");
  guint n_notify = 0;

  /* With nothing selected, Enter picks the event nearest the middle of the view. */
  set_range_to_days (fixture, 2013, 8, 1, 60);
  gtk_widget_activate_action (widget, "timeline.activate", NULL);
  g_assert_true (caravan_selection_get_event (fixture->selection) == belt);

  /* Then it brings the event back into view and selects it again. */
  set_range_to_year (fixture, 1970);
  g_signal_connect (fixture->selection, "notify::event", G_CALLBACK (count_notify), &n_notify);
  gtk_widget_activate_action (widget, "timeline.activate", NULL);
  g_assert_true (caravan_selection_get_event (fixture->selection) == belt);
  g_assert_cmpuint (n_notify, >, 0);
  g_assert_true (caravan_selection_event_is_visible (fixture->selection, belt));
  g_signal_handlers_disconnect_by_func (fixture->selection, count_notify, &n_notify);
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);
  double start, end, center, pivot;

  set_range_to_year (fixture, 2000);
  start = caravan_selection_get_visible_start (fixture->selection);
  end = caravan_selection_get_visible_end (fixture->selection);
  center = (start + end) / 2;

  /* + and - zoom by 1.5 around the middle. */
  gtk_widget_activate_action (widget, "timeline.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (visible_span (fixture), (end - start) / 1.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (julian_at (fixture, WIDTH / 2.0), center, 1e-6);
  gtk_widget_activate_action (widget, "timeline.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (visible_span (fixture), end - start, 1e-6);
  g_assert_cmpfloat_with_epsilon (caravan_selection_get_visible_start (fixture->selection), start,
                                  1e-6);

  /* Zooming at the pointer keeps the date under it where it is. */
  pivot = julian_at (fixture, 320);
  caravan_timeline_zoom_at (fixture->timeline, 320, 4);
  g_assert_cmpfloat_with_epsilon (visible_span (fixture), (end - start) / 4, 1e-6);
  g_assert_cmpfloat_with_epsilon (julian_at (fixture, 320), pivot, 1e-6);
  caravan_timeline_zoom_at (fixture->timeline, 320, 0.25);
  g_assert_cmpfloat_with_epsilon (julian_at (fixture, 320), pivot, 1e-6);
  g_assert_cmpfloat_with_epsilon (visible_span (fixture), end - start, 1e-6);

  /* Zoom is bounded: never below two days. */
  for (guint i = 0; i < 40; i++)
    gtk_widget_activate_action (widget, "timeline.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (visible_span (fixture), 2.0, 1e-6);
}

static void
test_pan (Fixture       *fixture,
          gconstpointer  data)
{
  GtkGesture *drag = find_gesture (GTK_WIDGET (fixture->timeline), GTK_TYPE_GESTURE_DRAG);
  double start, span;

  set_range_to_year (fixture, 2000);
  start = caravan_selection_get_visible_start (fixture->selection);
  span = visible_span (fixture);

  /* Dragging right by a tenth of the width shows a tenth of the span earlier. */
  g_signal_emit_by_name (drag, "drag-begin", 600.0, 100.0);
  g_signal_emit_by_name (drag, "drag-update", WIDTH / 10.0, 0.0);
  g_assert_cmpfloat_with_epsilon (caravan_selection_get_visible_start (fixture->selection),
                                  start - span / 10, 1e-6);
  g_signal_emit_by_name (drag, "drag-update", -WIDTH / 5.0, 0.0);
  g_assert_cmpfloat_with_epsilon (caravan_selection_get_visible_start (fixture->selection),
                                  start + span / 5, 1e-6);
  g_assert_cmpfloat_with_epsilon (visible_span (fixture), span, 1e-6);
  g_signal_emit_by_name (drag, "drag-end", -WIDTH / 5.0, 0.0);
}

static void
test_reveal_selected (Fixture       *fixture,
                      gconstpointer  data)
{
  CaravanEvent *forum = lookup_event (fixture, "third-belt-and-road-forum");
  CaravanEvent *remark = lookup_event (fixture, "tokayev-multi-vector-remark");
  graphene_rect_t bounds;
  double span;

  /* Selected elsewhere while off screen: the timeline scrolls to it, keeping the zoom. */
  set_range_to_year (fixture, 1990);
  span = visible_span (fixture);
  caravan_selection_select_event (fixture->selection, forum);
  g_assert_true (caravan_selection_event_is_visible (fixture->selection, forum) ||
                 !caravan_selection_get_filter_by_time (fixture->selection));
  g_assert_cmpfloat (caravan_selection_get_visible_start (fixture->selection), <=,
                     caravan_date_get_first_julian (caravan_event_get_date (forum)));
  g_assert_cmpfloat (caravan_selection_get_visible_end (fixture->selection), >=,
                     caravan_date_get_last_julian (caravan_event_get_date (forum)) + 1);
  g_assert_cmpfloat_with_epsilon (visible_span (fixture), span, 1e-6);
  g_assert_true (caravan_timeline_get_event_bounds (fixture->timeline, forum, &bounds));

  /* Selected while merged into the 2022 badge: the timeline zooms in until it is drawn. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.fit-all", NULL);
  caravan_selection_select_event (fixture->selection, remark);
  g_assert_true (caravan_timeline_get_event_bounds (fixture->timeline, remark, &bounds));

  /* fit-selection: the selected place's events (Astana, 1961 to 2022). */
  gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.fit-selection", NULL);
  g_assert_cmpfloat (visible_span (fixture), >, 60 * 365);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  CaravanEvent *belt = lookup_event (fixture, "xi-proposes-silk-road-economic-belt");
  g_autofree char *date = caravan_event_format_date (belt);
  g_autofree char *expected = g_strdup_printf ("Selected: %s, %s",
                                               caravan_event_get_title (belt), date);

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->timeline)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (fixture->timeline, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Timeline");

  caravan_selection_select_event (fixture->selection, belt);
  gtk_test_accessible_assert_property (fixture->timeline, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       expected);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GdkTexture) whole = NULL;
  g_autoptr(GdkTexture) year = NULL;
  g_autoptr(GdkTexture) month = NULL;
  g_autoptr(GdkTexture) week = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  guint8 rgba[4];
  g_autoptr(GdkTexture) selected = NULL;

  whole = caravan_test_save_screenshot (GTK_WIDGET (fixture->timeline), "timeline-whole-story");
  g_assert_cmpint (gdk_texture_get_width (whole), ==, WIDTH);
  g_assert_cmpint (gdk_texture_get_height (whole), ==, HEIGHT);

  set_range_to_year (fixture, 2022);
  year = caravan_test_save_screenshot (GTK_WIDGET (fixture->timeline), "timeline-2022");

  set_range_to_days (fixture, 2022, 11, 1, 30);
  month = caravan_test_save_screenshot (GTK_WIDGET (fixture->timeline), "timeline-november-2022");

  set_range_to_days (fixture, 2022, 11, 14, 9);
  week = caravan_test_save_screenshot (GTK_WIDGET (fixture->timeline), "timeline-week-2022-11-14");

  caravan_selection_select_event (fixture->selection, lookup_event (fixture,
                                                                    "csto-deployed-to-almaty"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.fit-selection", NULL);
  selected = caravan_test_save_screenshot (GTK_WIDGET (fixture->timeline), "timeline-selected");

  /* Dark style: colours come from the theme's named colours. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  set_range_to_year (fixture, 2022);
  caravan_test_iterate (50);
  dark = caravan_test_save_screenshot (GTK_WIDGET (fixture->timeline), "timeline-2022-dark");
  g_assert_true (caravan_test_texture_pixel (dark, WIDTH - 5, HEIGHT - 5, rgba));
  g_assert_cmpint (rgba[0], <, 100);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  caravan_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/timeline/fit-all", test_fit_all);
  ADD ("/timeline/click/selects-event", test_click_selects);
  ADD ("/timeline/click/cluster-badge-zooms", test_cluster_badge);
  ADD ("/timeline/highlight/place", test_place_highlight);
  ADD ("/timeline/keyboard/walk", test_keyboard_walk);
  ADD ("/timeline/keyboard/activate", test_activate_reselects);
  ADD ("/timeline/zoom", test_zoom);
  ADD ("/timeline/pan", test_pan);
  ADD ("/timeline/reveal-selected", test_reveal_selected);
  ADD ("/timeline/accessible", test_accessible);
  ADD ("/timeline/screenshots", test_screenshots);

#undef ADD

  return g_test_run ();
}
