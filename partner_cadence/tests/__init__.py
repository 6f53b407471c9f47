from . import test_cadence_planning
from . import test_cadence_access
from . import test_cadence_quota
from . import test_cadence_touches
from . import test_cadence_value
from . import test_cadence_i18n
from . import test_referrals
from . import test_cadence_tour
