"""The examples in the domain's docstrings are run, so that they stay true."""

import doctest
import importlib
import pkgutil

import pytest

from partner_cadence import domain

MODULES = sorted(info.name for info in pkgutil.iter_modules(domain.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"partner_cadence.domain.{name}")
    failed, _attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert not failed


def test_the_domain_has_examples():
    examples = sum(doctest.testmod(importlib.import_module(f"partner_cadence.domain.{name}"))[1] for name in MODULES)
    assert examples > 0
