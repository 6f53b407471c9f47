from . import test_cadence_planning
from . import test_cadence_access
from . import test_cadence_i18n
from . import test_cadence_tour
