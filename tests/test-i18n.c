/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-i18n.c: Caravan started in Russian and in Kazakh shows translated widgets, dates in the
 * language's grammar and the story's place names in that language; saves screenshots. */

#define G_LOG_DOMAIN "caravan-test-i18n"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "caravan-application.h"
#include "caravan-event.h"
#include "caravan-excerpts-panel.h"
#include "caravan-map-view.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-test-utils.h"
#include "caravan-timeline-axis.h"
#include "caravan-window.h"

typedef struct
{
  const char *locale;
  const char *language;
  const char *screenshot;
  /* What the user sees */
  const char *open_button;          /* header bar button */
  const char *article_button;       /* excerpts panel */
  const char *excerpt_count_word;   /* in the excerpts panel's count, e.g. "из статьи" */
  const char *date;                 /* 2013-09-07, in the excerpts panel */
  const char *month;                /* the timeline's month and year, compared ignoring case */
  /* The story's names for places: Astana in 2020, Nazarbayev University */
  const char *nur_sultan;
  const char *university;
} Language;

static const Language russian = {
  .locale = "ru_RU.UTF-8",
  .language = "ru",
  .screenshot = "i18n-ru",
  .open_button = "_Открыть",
  .article_button = "_Читать статью",
  .excerpt_count_word = "из статьи",
  .date = "7 сентября 2013",
  .month = "сентябрь 2022",
  .nur_sultan = "Нур-Султан",
  .university = "Назарбаев Университет",
};

static const Language kazakh = {
  .locale = "kk_KZ.UTF-8",
  .language = "kk",
  .screenshot = "i18n-kk",
  .open_button = "_Ашу",
  .article_button = "_Мақаланы оқу",
  .excerpt_count_word = "Мақаладан",
  .date = "7 Қыркүйек 2013",
  .month = "қыркүйек 2022",
  .nur_sultan = "Нұр-Сұлтан",
  .university = "Назарбаев Университеті",
};

static CaravanApplication *app;

static GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
label_text (GtkWidget  *root,
            const char *id)
{
  GtkWidget *widget = find_by_id (root, id);

  g_assert_true (GTK_IS_LABEL (widget));
  return gtk_label_get_label (GTK_LABEL (widget));
}

static gboolean
window_is_drawn (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data)) &&
         gtk_widget_get_width (GTK_WIDGET (user_data)) > 0;
}

/* Checks a name the UI shows against the story's name in the UI language. */
static void
check_shown_name (const char *what,
                  const char *shown,
                  const char *expected)
{
  g_test_message ("%s shows “%s”", what, shown);
  g_assert_cmpstr (shown, ==, expected);
}

static void
test_language (gconstpointer data)
{
  const Language *lang = data;
  CaravanWindow *window;
  CaravanSelection *selection;
  CaravanStory *story;
  CaravanPlace *astana, *university;
  CaravanEvent *myanmar, *silk_road;
  GtkWidget *panel, *map_view;
  CaravanTimelineStep day_step = { CARAVAN_TIMELINE_UNIT_DAY, 1 };
  g_autofree char *month = NULL;
  g_autofree char *month_folded = NULL;
  g_autofree char *expected_month = NULL;
  const char *subtitle;
  const char *count;

  /* Each language starts Caravan in a process of its own, as a user would. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_setenv ("LC_ALL", lang->locale, TRUE);
  g_setenv ("LANGUAGE", lang->language, TRUE);
  /* build-aux/setup.sh (caravan_ensure_locales) generates the locales. */
  if (setlocale (LC_ALL, "") == NULL)
    g_error ("locale %s is not installed", lang->locale);

  window = caravan_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  caravan_window_open_bundled (window);
  g_assert_true (caravan_test_wait_until (window_is_drawn, window, 5000));
  g_assert_true (caravan_window_has_story (window));

  selection = caravan_window_get_selection (window);
  story = caravan_selection_get_story (selection);
  astana = caravan_story_lookup_place (story, "astana");
  university = caravan_story_lookup_place (story, "astana-nazarbayev-university");
  myanmar = caravan_story_lookup_event (story, "xi-visits-myanmar");
  silk_road = caravan_story_lookup_event (story, "xi-proposes-silk-road-economic-belt");
  g_assert_nonnull (astana);
  g_assert_nonnull (university);
  g_assert_nonnull (myanmar);
  g_assert_nonnull (silk_road);
  panel = find_by_type (GTK_WIDGET (window), CARAVAN_TYPE_EXCERPTS_PANEL);
  map_view = find_by_type (GTK_WIDGET (window), CARAVAN_TYPE_MAP_VIEW);
  g_assert_nonnull (panel);
  g_assert_nonnull (map_view);

  /* Widgets from the templates */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_by_id (GTK_WIDGET (window),
                                                                 "open_button"))),
                   ==, lang->open_button);
  {
    GtkWidget *button = find_by_id (panel, "article_button");
    GtkWidget *label;

    g_assert_nonnull (button);
    label = find_by_type (button, GTK_TYPE_LABEL);
    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, lang->article_button);
  }

  /* The story's names in the language, by date: Astana was Nur-Sultan in 2020. */
  g_assert_cmpstr (caravan_place_get_name_at (astana, caravan_event_get_date (myanmar),
                                              lang->language),
                   ==, lang->nur_sultan);
  g_assert_cmpstr (caravan_place_get_name_at (astana, caravan_event_get_date (myanmar),
                                              lang->locale),
                   ==, lang->nur_sultan);
  g_assert_cmpstr (caravan_place_get_name_at (university, NULL, lang->language), ==,
                   lang->university);

  /* The pin's label follows the selected event's date. */
  caravan_selection_select_event (selection, myanmar);
  caravan_test_iterate (50);
  check_shown_name ("The Astana pin",
                    caravan_map_view_get_pin_label (CARAVAN_MAP_VIEW (map_view), astana),
                    lang->nur_sultan);

  /* The excerpts panel: "7 сентября 2013 · <place>", and a plural count of excerpts. */
  caravan_selection_select_event (selection, silk_road);
  caravan_test_iterate (50);
  subtitle = label_text (panel, "subtitle_label");
  g_test_message ("excerpts panel subtitle: %s", subtitle);
  {
    /* Ignoring case: glibc's kk month names are capitalised, Kazakh writes them in lower case. */
    g_autofree char *subtitle_folded = g_utf8_casefold (subtitle, -1);
    g_autofree char *date_folded = g_utf8_casefold (lang->date, -1);

    g_assert_true (g_str_has_prefix (subtitle_folded, date_folded));
  }
  g_assert_nonnull (strstr (subtitle, " · "));
  check_shown_name ("The excerpts panel's date line", strstr (subtitle, " · ") + strlen (" · "),
                    lang->university);
  count = label_text (panel, "count_label");
  g_test_message ("excerpts panel count: %s", count);
  g_assert_nonnull (strstr (count, lang->excerpt_count_word));

  /* The timeline's month heading uses the nominative. */
  {
    GDate september;

    g_date_clear (&september, 1);
    g_date_set_dmy (&september, 14, G_DATE_SEPTEMBER, 2022);
    month = caravan_timeline_axis_format_context (day_step, g_date_get_julian (&september));
  }
  month_folded = g_utf8_casefold (month, -1);
  expected_month = g_utf8_casefold (lang->month, -1);
  g_assert_cmpstr (month_folded, ==, expected_month);

  caravan_test_iterate (300);
  g_object_unref (caravan_test_save_screenshot (GTK_WIDGET (window), lang->screenshot));

  gtk_window_destroy (GTK_WINDOW (window));
  caravan_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *po_dir = NULL;
  int ret;

  caravan_test_init (&argc, &argv);

  /* meson builds the .mo files into <build>/po/LL/LC_MESSAGES; G_TEST_BUILDDIR is <build>/tests. */
  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Only the subprocess that runs a language starts Caravan (a second one would not register). */
  if (g_test_subprocess ())
    {
      app = caravan_application_new ();
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  g_test_add_data_func ("/i18n/russian", &russian, test_language);
  g_test_add_data_func ("/i18n/kazakh", &kazakh, test_language);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
