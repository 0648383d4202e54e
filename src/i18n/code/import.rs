//! The `import.*` codes: reading a DNS panel's zone export into records
//! ([`crate::import`]), declared once.

crate::i18n::code::declare_codes! {
    /// The file is larger than the reader takes.
    TOO_LARGE = "import.too_large",
    /// The file holds a NUL byte or other binary data.
    BINARY = "import.binary",
    /// The file is a spreadsheet (.xlsx / .ods: a ZIP archive; .xls: an
    /// OLE2 compound file), the form both Chinese panels export.
    SPREADSHEET = "import.spreadsheet",
    /// The file is not UTF-8 text (often GBK from a spreadsheet).
    NOT_UTF8 = "import.not_utf8",
    /// Nothing but blanks and comments.
    EMPTY = "import.empty",
    /// Neither a zone file nor a panel's record table.
    UNKNOWN_FORMAT = "import.unknown_format",
    /// `$INCLUDE` names another file, which a pasted text cannot reach.
    INCLUDE = "import.include",
    /// `$GENERATE` (a BIND extension) is refused.
    GENERATE = "import.generate",
    /// A `$` directive the reader does not know.
    UNKNOWN_DIRECTIVE = "import.unknown_directive",
    /// A relative name with no `$ORIGIN` and no domain to read it against.
    NO_ORIGIN = "import.no_origin",
    /// A line starting with a blank before any owner name was given.
    NO_OWNER = "import.no_owner",
    /// No TTL on the record, no `$TTL` and no earlier TTL.
    NO_TTL = "import.no_ttl",
    /// A line the zone-file syntax cannot read (parenthesis, quote, no type).
    BAD_LINE = "import.bad_line",
    /// A class other than IN.
    CLASS = "import.class",
    /// A name the model refuses.
    BAD_NAME = "import.bad_name",
    /// A TTL that is not a number of seconds in range.
    BAD_TTL = "import.bad_ttl",
    /// Record data the model's parser refuses.
    BAD_DATA = "import.bad_data",
    /// A panel table without a column the reader needs.
    MISSING_COLUMN = "import.missing_column",
    /// A table row with fewer cells than the columns it needs.
    BAD_ROW = "import.bad_row",
    /// An MX row without a priority.
    NO_PRIORITY = "import.no_priority",
    /// Note: records on lines other than the default were left alone.
    OTHER_LINES = "import.other_lines",
    /// Note: paused (disabled) records were left alone.
    PAUSED = "import.paused",
    /// Note: records that are not about mail were counted and left alone.
    LEFT_ALONE = "import.left_alone",
}
