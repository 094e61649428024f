"""Helpers for tests that work in the real admin as the demo's editors."""

PASSWORD = "zukunft-demo"


def admin_login(context, site_url, username):
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(site_url + "/admin/")
    return page


def page_id(manage, model, **filters):
    query = ", ".join(f"{k}={v!r}" for k, v in filters.items())
    code = (
        f"from django.apps import apps; m = apps.get_model({model!r}); "
        f"print(m.objects.filter({query}).order_by('path').first().pk)"
    )
    return int(manage("shell", "-c", code).split()[-1])


def footer_action(page, label):
    """An action of the editor's footer menu (the main button or one in its menu)."""
    footer = page.locator("footer")
    main = footer.get_by_role("button", name=label, exact=True)
    if not main.is_visible():
        footer.get_by_role("button", name="Mehr Aktionen").click()
    main.click()
