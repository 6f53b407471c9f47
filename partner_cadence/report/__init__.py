from . import res_partner_referral_report
from . import partner_cadence_board
from . import crm_competitor_report
