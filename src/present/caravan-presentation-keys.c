/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-presentation-keys.c: how the presenter drives the presentation: the clicker and
 * keyboard keys, typed step numbers, the widget actions, blanking the screen and autoplay. */

#define G_LOG_DOMAIN "caravan-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-presentation-private.h"
#include "caravan-selection.h"

#define MAX_TYPED_DIGITS 4

static void
jump_to_typed_step (CaravanPresentation *self)
{
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (self->typed_step->str, 10, 1, G_MAXUINT, &number, NULL))
    caravan_presentation_go_to_step (self, (guint) MIN (number, caravan_presentation_get_n_steps (self)) - 1);
  g_string_truncate (self->typed_step, 0);
  caravan_presentation_update_progress (self);
}

/* One table for every presentation key; clickers send Page Up/Down, B or period. Runs in the
 * capture phase so the map's own arrow-key panning never sees these keys. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CaravanPresentation   *self)
{
  guint digit = gdk_keyval_to_unicode (keyval);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  /* Any key brings the picture back; that key does nothing else. */
  if (self->blank != CARAVAN_PRESENTATION_BLANK_NONE)
    {
      if (keyval == GDK_KEY_Shift_L || keyval == GDK_KEY_Shift_R)
        return FALSE;
      caravan_presentation_set_blank (self, CARAVAN_PRESENTATION_BLANK_NONE);
      return TRUE;
    }

  if (digit >= '0' && digit <= '9')
    {
      if (self->typed_step->len < MAX_TYPED_DIGITS)
        g_string_append_c (self->typed_step, (char) digit);
      caravan_presentation_update_progress (self);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (self->typed_step->len > 0)
        {
          jump_to_typed_step (self);
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.next", NULL);
      return TRUE;
    case GDK_KEY_BackSpace:
      if (self->typed_step->len > 0)
        {
          g_string_truncate (self->typed_step, self->typed_step->len - 1);
          caravan_presentation_update_progress (self);
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.previous", NULL);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.first", NULL);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.last", NULL);
      return TRUE;
    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
    case GDK_KEY_KP_Decimal:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.blank", "s", "black");
      return TRUE;
    case GDK_KEY_w:
    case GDK_KEY_W:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.blank", "s", "white");
      return TRUE;
    case GDK_KEY_p:
    case GDK_KEY_P:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.toggle-autoplay", NULL);
      return TRUE;
    case GDK_KEY_l:
    case GDK_KEY_L:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.toggle-loop", NULL);
      return TRUE;
    case GDK_KEY_t:
    case GDK_KEY_T:
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.cycle-theme", NULL);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->typed_step->len > 0)
        {
          g_string_truncate (self->typed_step, 0);
          caravan_presentation_update_progress (self);
          return TRUE;
        }
      gtk_widget_activate_action (GTK_WIDGET (self), "presentation.leave", NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_autoplay_timeout (gpointer user_data)
{
  CaravanPresentation *self = user_data;

  self->autoplay_timeout = 0;
  if (!caravan_selection_next_event (self->selection))
    {
      if (self->loop)
        caravan_selection_first (self->selection);
      else
        caravan_presentation_set_autoplay (self, FALSE);
    }
  return G_SOURCE_REMOVE;
}

static void
caravan_presentation_next_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  caravan_selection_next_event (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_previous_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  caravan_selection_previous_event (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_first_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  caravan_selection_first (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_last_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  caravan_selection_last (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_blank_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  const char *colour = g_variant_get_string (parameter, NULL);

  caravan_presentation_set_blank (CARAVAN_PRESENTATION (widget),
                                  g_str_equal (colour, "white") ? CARAVAN_PRESENTATION_BLANK_WHITE
                                  : g_str_equal (colour, "black") ? CARAVAN_PRESENTATION_BLANK_BLACK
                                  : CARAVAN_PRESENTATION_BLANK_NONE);
}

static void
caravan_presentation_toggle_autoplay_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  caravan_presentation_set_autoplay (self, !self->autoplay);
}

static void
caravan_presentation_toggle_loop_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  caravan_presentation_set_loop (self, !self->loop);
}

static void
caravan_presentation_cycle_theme_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  caravan_presentation_set_theme (self, (caravan_presentation_get_theme (self) + 1) % CARAVAN_MAP_N_THEMES);
}

static void
caravan_presentation_leave_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
caravan_presentation_add_key_controller (CaravanPresentation *self,
                                         GtkWidget           *window)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (window, controller);
}

/* The keys are handled in on_key_pressed (capture phase, before the map pans); the shortcuts
 * window lists them under "Presentation". */
void
caravan_presentation_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, caravan_presentation_next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL,
                                   caravan_presentation_previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, caravan_presentation_first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, caravan_presentation_last_action);
  gtk_widget_class_install_action (widget_class, "presentation.blank", "s", caravan_presentation_blank_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-autoplay", NULL,
                                   caravan_presentation_toggle_autoplay_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-loop", NULL,
                                   caravan_presentation_toggle_loop_action);
  gtk_widget_class_install_action (widget_class, "presentation.cycle-theme", NULL,
                                   caravan_presentation_cycle_theme_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL,
                                   caravan_presentation_leave_action);
}

void
caravan_presentation_restart_autoplay_timer (CaravanPresentation *self)
{
  g_clear_handle_id (&self->autoplay_timeout, g_source_remove);
  if (self->autoplay && gtk_widget_get_visible (GTK_WIDGET (self)))
    self->autoplay_timeout = g_timeout_add ((guint) (self->seconds_per_step * 1000),
                                            on_autoplay_timeout, self);
}

void
caravan_presentation_update_autoplay_label (CaravanPresentation *self)
{
  g_autofree char *text = NULL;

  if (self->autoplay)
    /* Translators: autoplay is on; %g is the number of seconds per step */
    text = g_strdup_printf (_("▶ Playing, %g s"), self->seconds_per_step);
  else if (self->autoplay_used)
    text = g_strdup (_("⏸ Paused"));

  gtk_label_set_text (self->autoplay_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->autoplay_label), text != NULL);
}

CaravanPresentationBlank
caravan_presentation_get_blank (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), CARAVAN_PRESENTATION_BLANK_NONE);

  return self->blank;
}

/* Blanks the screen to black or white (a pause in the talk), or shows the map again. */
void
caravan_presentation_set_blank (CaravanPresentation      *self,
                                CaravanPresentationBlank  blank)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));

  if (self->blank == blank)
    return;

  self->blank = blank;
  gtk_widget_set_visible (self->blank_box, blank != CARAVAN_PRESENTATION_BLANK_NONE);
  if (blank == CARAVAN_PRESENTATION_BLANK_WHITE)
    {
      gtk_widget_remove_css_class (self->blank_box, "black");
      gtk_widget_add_css_class (self->blank_box, "white");
    }
  else
    {
      gtk_widget_remove_css_class (self->blank_box, "white");
      gtk_widget_add_css_class (self->blank_box, "black");
    }
  caravan_presentation_notify (self, PROP_BLANK);
}

gboolean
caravan_presentation_get_autoplay (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), FALSE);

  return self->autoplay;
}

/* Steps forward every seconds-per-step; at the end it stops, or starts again with loop. */
void
caravan_presentation_set_autoplay (CaravanPresentation *self,
                                   gboolean             autoplay)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));

  autoplay = !!autoplay;
  if (self->autoplay == autoplay)
    return;

  self->autoplay = autoplay;
  self->autoplay_used = TRUE;
  caravan_presentation_restart_autoplay_timer (self);
  caravan_presentation_update_autoplay_label (self);
  caravan_presentation_notify (self, PROP_AUTOPLAY);
}

double
caravan_presentation_get_seconds_per_step (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), DEFAULT_SECONDS_PER_STEP);

  return self->seconds_per_step;
}

void
caravan_presentation_set_seconds_per_step (CaravanPresentation *self,
                                           double               seconds)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));
  g_return_if_fail (seconds > 0);

  if (self->seconds_per_step == seconds)
    return;

  self->seconds_per_step = seconds;
  caravan_presentation_restart_autoplay_timer (self);
  caravan_presentation_update_autoplay_label (self);
  caravan_presentation_notify (self, PROP_SECONDS_PER_STEP);
}

gboolean
caravan_presentation_get_loop (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), FALSE);

  return self->loop;
}

void
caravan_presentation_set_loop (CaravanPresentation *self,
                               gboolean             loop)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));

  loop = !!loop;
  if (self->loop == loop)
    return;

  self->loop = loop;
  caravan_presentation_notify (self, PROP_LOOP);
}
