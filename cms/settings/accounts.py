"""Sign-in for staff and learners: passwords, lock-out (django-axes) and accounts
(django-allauth, docs/decisions/0007 and 0016)."""

import datetime

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts for learners (cms/accounts/, docs/decisions/0007-accounts.md): sign-up and
# login by e-mail address through django-allauth, with a confirmed address. Staff keep
# Wagtail's own admin login by username, which admits only users with admin access.
AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in of a locked-out account and address (cms/lockout.py).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "account_profile"
# Pages that editors restrict to logged-in users send visitors to the same login.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAILADMIN_USER_LOGIN_FORM = "cms.accounts.forms.AdminLoginForm"
# Sign-in lock-out across processes (cms/lockout.py): five failures are told as usual,
# the sixth and every attempt after it get the lock-out page for 15 minutes.
AXES_FAILURE_LIMIT = 6
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "cms.lockout.username"
AXES_CLIENT_IP_CALLABLE = "cms.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# A wrong password during the lock-out does not start it again (an office network would
# stay locked out by one stubborn colleague).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# No log of who signed in when. What a failure keeps until it no longer counts (at most
# 15 minutes plus the hourly forget_failed_sign_ins): account, address, browser, the
# address of the form and its fields with the password and the e-mail masked.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "login", "email", "password1", "password2"]
AXES_VERBOSE = False

ACCOUNT_ADAPTER = "cms.accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "cms.accounts.adapter.user_display"
ACCOUNT_FORMS = {
    "login": "cms.accounts.forms.LoginForm",
    "signup": "cms.accounts.forms.SignupForm",
    "reset_password": "cms.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "cms.accounts.forms.ResetPasswordKeyForm",
    "change_password": "cms.accounts.forms.ChangePasswordForm",
    "set_password": "cms.accounts.forms.SetPasswordForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]  # the username is generated
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# The same answer whether an address has an account or not; no mail to unknown addresses.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# allauth's limits, kept in the "default" cache (Redis when REDIS_URL is set). A class
# signing up together behind one address stays below the per-address limits.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",  # key: the e-mail address tried
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",  # also: passwords entered to delete an account
    "confirm_email": "1/3m/key",
}
