"""One exception hierarchy for citygraph: each class carries the CLI's exit code and the
web server's HTTP status for it."""

__all__ = [
    "EXIT_OK",
    "EXIT_NO",
    "EXIT_USAGE",
    "EXIT_REMOTE",
    "EXIT_CODES",
    "CitygraphError",
    "UsageError",
    "InputError",
    "ParseError",
    "QueryError",
    "ParameterError",
    "ValidationFailed",
    "GazetteerError",
    "EndpointError",
    "QueryTimeout",
    "WriteError",
]

#: the command did what was asked
EXIT_OK = 0
#: the data does not conform, or the answer to the question asked is "no"
EXIT_NO = 1
#: a usage or input error: bad option, unknown parameter, unreadable or unparsable file
EXIT_USAGE = 2
#: a remote SPARQL endpoint could not be reached, timed out or answered an error,
#: or a query ran past its ``--timeout``
EXIT_REMOTE = 3

#: what each exit code means, as the CLI's docstring and the README's "Exit codes" table
#: say it word for word (tests/test_docs.py checks that they do)
EXIT_CODES = {
    EXIT_OK: "done; the data conforms",
    EXIT_NO: "the data does not conform to the shapes, or the answer asked for is no (an ASK "
             "query answered false, a violation query found rows, a source text changed "
             "since it was added)",
    EXIT_USAGE: "usage or input error: bad option or parameter, missing file, syntax error "
                "(the message names the file and line, or the parameter); a file or folder "
                "that cannot be written (the message names it); a command that writes "
                "project files run outside a project",
    EXIT_REMOTE: "a remote SPARQL endpoint was unreachable, timed out or answered an error; "
                 "a query ran past --timeout",
}


class CitygraphError(Exception):
    """Base of every error citygraph raises on purpose.

    The message is one line that names what is wrong and where (file and line,
    query, parameter, endpoint); ``exit_code`` is what the CLI exits with and
    ``status`` the HTTP status ``citygraph serve`` answers with (as datasette's
    ``DatasetteError(status=...)``): 400 where the request is at fault, as for
    every error of exit code 2, unless a class says otherwise.

    >>> str(CitygraphError("something is off"))
    'something is off'
    >>> CitygraphError.exit_code, CitygraphError.status
    (2, 400)
    """

    exit_code = EXIT_USAGE
    status = 400


class UsageError(CitygraphError):
    """A command was called with options or arguments that do not fit."""


class InputError(CitygraphError):
    """An input file is missing or unreadable, or one of its rows is broken."""


class ParseError(InputError):
    """An RDF or SPARQL text does not parse.

    >>> str(ParseError("data/x.ttl", "expected '.'", line=12, column=3))
    "data/x.ttl:12:3: expected '.'"
    """

    def __init__(self, source, message, line=None, column=None):
        self.source = str(source)
        self.line = line
        self.column = column
        self.reason = message
        where = self.source
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


class QueryError(CitygraphError):
    """A SPARQL query is unknown, malformed, or failed when evaluated."""


class ParameterError(QueryError):
    """A query parameter is unknown, missing, or of the wrong type."""


class ValidationFailed(CitygraphError):
    """The data does not conform to the SHACL shapes (HTTP 422: the request was understood,
    the data it gives or asks about is not valid)."""

    exit_code = EXIT_NO
    status = 422


class GazetteerError(CitygraphError):
    """A place name cannot be resolved, or resolves to more than one place."""


class EndpointError(CitygraphError):
    """A remote SPARQL endpoint is unreachable, too slow, or answered with an error
    (HTTP 502: the server's own upstream failed)."""

    exit_code = EXIT_REMOTE
    status = 502


class QueryTimeout(CitygraphError):
    """A query ran past its time limit (``--timeout``), on the embedded store or an endpoint.

    Exit code 3, like an endpoint that does not answer: trying again later,
    or with a longer ``--timeout``, may succeed, which is not so for exit 2; over HTTP
    it is 503, for the same reason.
    """

    exit_code = EXIT_REMOTE
    status = 503


class WriteError(CitygraphError):
    """A file could not be written (read-only folder, disk full, not a regular file).

    The message names the path; the exit code is 2, like every input or usage error.
    Over HTTP it is 500: the server, not the request, is at fault.
    """

    status = 500
