"""Every error class carries its CLI exit code and its HTTP status, and the web server answers
with that status (as datasette's ``DatasetteError(status=...)``)."""

import importlib
import pkgutil

import pytest

import citygraph
from citygraph.errors import CitygraphError
from citygraph.web.base import status_of

#: every citygraph error class: (exit code, HTTP status)
EXPECTED = {
    "citygraph.errors.CitygraphError": (2, 400),
    "citygraph.errors.UsageError": (2, 400),
    "citygraph.errors.InputError": (2, 400),
    "citygraph.errors.ParseError": (2, 400),
    "citygraph.errors.QueryError": (2, 400),
    "citygraph.errors.ParameterError": (2, 400),
    "citygraph.querying.names.UnresolvedName": (2, 400),
    "citygraph.errors.ValidationFailed": (1, 422),
    "citygraph.errors.GazetteerError": (2, 400),
    "citygraph.errors.EndpointError": (3, 502),
    "citygraph.errors.QueryTimeout": (3, 503),
    "citygraph.errors.WriteError": (2, 500),
    "citygraph.web.pool.QueryTimeout": (3, 503),
    "citygraph.web.pool.ResultLimit": (2, 503),
    "citygraph.web.pool.Busy": (3, 503),
    "citygraph.web.pool.WorkerFailed": (3, 503),
    "citygraph.web.protocol.NotAcceptable": (2, 406),
    "citygraph.web.clients.TooManyQueries": (3, 429),
    "citygraph.curation.sheet_names.CompileError": (2, 400),
}


def _every_error_class():
    for info in pkgutil.walk_packages(citygraph.__path__, "citygraph."):
        importlib.import_module(info.name)
    found, todo = {}, [CitygraphError]
    while todo:
        cls = todo.pop()
        found[f"{cls.__module__}.{cls.__qualname__}"] = cls
        todo += cls.__subclasses__()
    return found


ERRORS = _every_error_class()


def test_every_error_class_is_listed_with_its_exit_code_and_status():
    assert sorted(ERRORS) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_error_class_has_its_exit_code_and_http_status(name):
    cls = ERRORS[name]
    exc = cls.__new__(cls)  # the class's own values, whatever its constructor takes
    assert (cls.exit_code, cls.status) == EXPECTED[name]
    assert status_of(exc) == EXPECTED[name][1]


def test_no_error_the_data_or_an_endpoint_causes_is_an_internal_error():
    from citygraph.errors import EndpointError, ValidationFailed

    assert status_of(ValidationFailed("2 focus nodes do not conform")) == 422
    assert status_of(EndpointError("http://localhost:1/sparql: connection refused")) == 502
