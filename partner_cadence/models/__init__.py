from . import partner_cadence_tier
from . import res_partner
from . import mail_activity
from . import res_config_settings
