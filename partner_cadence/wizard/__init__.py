from . import res_partner_referral_wizard
from . import base_partner_merge_automatic_wizard
from . import partner_cadence_activity_done
from . import partner_cadence_call_outcome
