"""Importing this package registers every component factory of the toolkit."""
from . import slogans  # noqa: F401
from . import resp_units  # noqa: F401
from . import indicators  # noqa: F401
from . import glossary_sections  # noqa: F401
from . import glossary_linker  # noqa: F401
from . import model_spans  # noqa: F401
from . import policy_spans  # noqa: F401
