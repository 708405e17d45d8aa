/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-accessible.c: small fixes to the names GTK 4.8 gives screen readers. */

#define G_LOG_DOMAIN "caravan-accessible"

#include "config.h"

#include "caravan-accessible.h"

static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

void
caravan_accessible_name_button (GtkWidget  *button,
                                const char *name)
{
  g_autofree char *stripped = NULL;
  GtkWidget *label;

  g_return_if_fail (GTK_IS_WIDGET (button));

  if (name == NULL && GTK_IS_BUTTON (button) && gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    name = stripped = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (button)));
  if (name == NULL && (label = caravan_accessible_find (button, GTK_TYPE_LABEL)) != NULL)
    name = stripped = strip_mnemonic (gtk_label_get_label (GTK_LABEL (label)));
  g_return_if_fail (name != NULL);

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The label inside says the same: keep it out of the name and of the tree. */
  label = caravan_accessible_find (button, GTK_TYPE_LABEL);
  if (label != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

GtkWidget *
caravan_accessible_find (GtkWidget *root,
                         GType      type)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = caravan_accessible_find (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_mnemonic_label (GtkWidget *button)
{
  GtkWidget *label;

  if (gtk_button_get_use_underline (GTK_BUTTON (button)))
    return TRUE;
  label = gtk_button_get_child (GTK_BUTTON (button));
  if (label != NULL && !GTK_IS_LABEL (label))
    label = caravan_accessible_find (label, GTK_TYPE_LABEL);
  return label != NULL && gtk_label_get_use_underline (GTK_LABEL (label));
}

void
caravan_accessible_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && has_mnemonic_label (child))
        caravan_accessible_name_button (child, NULL);
      else
        caravan_accessible_name_mnemonic_buttons (child);
    }
}
