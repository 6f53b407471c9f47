from partner_cadence.domain.bounds import DEFAULT_BATCH_SIZE
from partner_cadence.domain.settings import CadenceSettings


def _settings(**raw):
    values = {f"partner_cadence.{key}": value for key, value in raw.items()}
    return CadenceSettings.from_parameters(values.get)


def test_numbers_and_switches_are_typed():
    settings = _settings(horizon_days="9", monthly_loss_percent="12.5", weekdays_only="True", quota_period="month")
    assert settings.horizon_days == 9
    assert settings.monthly_loss_percent == 12.5
    assert settings.weekdays_only is True
    assert settings.quota_period == "month"


def test_unset_values_read_as_zero_and_off():
    settings = _settings()
    assert settings.horizon_days == 0
    assert settings.weekdays_only is False
    assert settings.quota_period == ""


def test_a_float_written_for_an_integer_is_read():
    assert _settings(horizon_days="7.0").horizon_days == 7


def test_garbage_reads_as_zero():
    assert _settings(horizon_days="seven").horizon_days == 0


def test_the_batch_size_falls_back_when_unset_or_not_positive():
    assert _settings().batch_size == DEFAULT_BATCH_SIZE
    assert _settings(batch_size="-3").batch_size == DEFAULT_BATCH_SIZE
    assert _settings(batch_size="200").batch_size == 200


def test_every_setting_has_its_parameter_key():
    keys = CadenceSettings.parameter_keys()
    assert "partner_cadence.horizon_days" in keys
    assert "partner_cadence.batch_size" in keys
    assert len(keys) == len(set(keys))
