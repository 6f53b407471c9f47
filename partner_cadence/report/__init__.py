from . import res_partner_referral_report
