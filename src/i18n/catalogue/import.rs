//! Messages for reading a panel's zone export (`import.*`,
//! [`crate::import`]): what is wrong, on which line, and what to do.

use crate::i18n::Message;

pub(crate) const MESSAGES: &[Message] = &[
    Message {
        code: "import.too_large",
        en: "The file is {size} bytes; the reader takes at most {max} bytes (2 MB). Export only the domain you are setting up, or paste just its mail records.",
        zh: "文件大小为 {size} 字节，最多只能读取 {max} 字节（2 MB）。请只导出正在配置的域名，或只粘贴它的邮件相关记录。",
    },
    Message {
        code: "import.binary",
        en: "Line {line} holds a control character (a NUL byte or another that text does not use): this is not a text file. Export the records as a zone file (.txt) or as CSV, not as a spreadsheet (.xlsx) or an archive.",
        zh: "第 {line} 行含有控制字符（NUL 字节或文本中不会出现的其他字节）：这不是文本文件。请将记录导出为区域文件（.txt）或 CSV，而不是表格文件（.xlsx）或压缩包。",
    },
    Message {
        code: "import.spreadsheet",
        en: "Line {line} begins a spreadsheet file ({kind}), the form in which Aliyun DNS and DNSPod export records; the reader takes text only. Open it, select the table with its header row, copy it and paste it here; or save it as “CSV UTF-8” and choose that file.",
        zh: "第 {line} 行是表格文件（{kind}）的开头，阿里云解析和 DNSPod 就以这种格式导出解析记录，而这里只能读取文本。请打开它，选中包括表头在内的整个表格，复制后粘贴到这里；或将其另存为“CSV UTF-8”后再选择该文件。",
    },
    Message {
        code: "import.not_utf8",
        en: "Line {line} is not UTF-8 text (a spreadsheet saved as CSV often writes GBK). Save the file as “CSV UTF-8”, or copy the table and paste it here.",
        zh: "第 {line} 行不是 UTF-8 文本（表格软件另存为 CSV 时常用 GBK 编码）。请另存为“CSV UTF-8”格式，或直接复制表格粘贴到这里。",
    },
    Message {
        code: "import.empty",
        en: "The text holds no records, only blanks and comments. Paste the zone file or the panel's exported record list.",
        zh: "文本中没有记录，只有空行和注释。请粘贴区域文件或控制台导出的解析记录列表。",
    },
    Message {
        code: "import.unknown_format",
        en: "Line {line} is neither a zone-file record nor the header of a panel's record table (with columns such as 记录类型, 主机记录, 记录值). Paste a BIND zone file, a dig AXFR output, or an Aliyun or DNSPod record export.",
        zh: "第 {line} 行既不是区域文件记录，也不是控制台记录表的表头（应有“记录类型”“主机记录”“记录值”等列）。请粘贴 BIND 区域文件、dig AXFR 输出，或阿里云、DNSPod 导出的解析记录。",
    },
    Message {
        code: "import.include",
        en: "Line {line} uses $INCLUDE, which names another file this page cannot open. Paste that file's records in its place.",
        zh: "第 {line} 行使用了 $INCLUDE，它引用的另一个文件本页无法打开。请把那个文件中的记录粘贴到此处替换它。",
    },
    Message {
        code: "import.generate",
        en: "Line {line} uses $GENERATE, a BIND extension this reader does not expand. Write the records it makes out, or export the zone with dig AXFR, which lists them.",
        zh: "第 {line} 行使用了 $GENERATE，这是 BIND 的扩展，本读取器不展开它。请把它生成的记录逐条写出，或用 dig AXFR 导出区域（会逐条列出）。",
    },
    Message {
        code: "import.unknown_directive",
        en: "Line {line} has the directive {directive}, which a zone file does not define (RFC 1035 §5.1 knows $ORIGIN and $INCLUDE, RFC 2308 $TTL). Remove the line.",
        zh: "第 {line} 行的指令 {directive} 不是区域文件定义的指令（RFC 1035 §5.1 定义 $ORIGIN 和 $INCLUDE，RFC 2308 定义 $TTL）。请删除该行。",
    },
    Message {
        code: "import.no_origin",
        en: "Line {line} has the relative name “{name}”, but nothing says which domain it belongs to. Add “$ORIGIN example.com.” (your domain) at the top, or type the domain first.",
        zh: "第 {line} 行的名称“{name}”是相对名称，但没有说明它属于哪个域名。请在开头加上“$ORIGIN example.com.”（换成你的域名），或先填写域名。",
    },
    Message {
        code: "import.no_owner",
        en: "Line {line} starts with a blank, which repeats the previous record's name, but no record came before it. Write the name at the start of the line.",
        zh: "第 {line} 行以空白开头，表示沿用上一条记录的名称，但前面没有记录。请在行首写出名称。",
    },
    Message {
        code: "import.no_ttl",
        en: "The record on line {line} has no TTL, and there is no $TTL line or earlier TTL to take. Add “$TTL 3600” at the top.",
        zh: "第 {line} 行的记录没有 TTL，前面也没有 $TTL 行或可沿用的 TTL。请在开头加上“$TTL 3600”。",
    },
    Message {
        code: "import.bad_line",
        en: "Line {line} cannot be read as a zone-file record: {problem}.",
        zh: "第 {line} 行无法按区域文件记录读取：{problem}。",
    },
    Message {
        code: "import.class",
        en: "The record on line {line} has the class {class}; only IN (Internet) records are read.",
        zh: "第 {line} 行记录的类别为 {class}；只读取 IN（互联网）类别的记录。",
    },
    Message {
        code: "import.bad_name",
        en: "Line {line}: “{name}” is not a valid domain name. Correct it in the file.",
        zh: "第 {line} 行：“{name}”不是有效的域名。请在文件中更正。",
    },
    Message {
        code: "import.bad_ttl",
        en: "Line {line}: the TTL “{ttl}” is not a number of seconds from 0 to 2147483647.",
        zh: "第 {line} 行：TTL“{ttl}”不是 0 到 2147483647 之间的秒数。",
    },
    Message {
        code: "import.bad_data",
        en: "Line {line}: the {rtype} record data cannot be read: {reason}",
        zh: "第 {line} 行：{rtype} 记录的数据无法读取：{reason}",
    },
    Message {
        code: "import.missing_column",
        en: "The table header on line {line} has no “{column}” column, which every record needs. Export again with all columns, or add it.",
        zh: "第 {line} 行的表头缺少“{column}”列，每条记录都需要它。请重新导出全部列，或补上该列。",
    },
    Message {
        code: "import.bad_row",
        en: "Row {line} has {found} cells, fewer than the {count} the header's columns need.",
        zh: "第 {line} 行只有 {found} 个单元格，少于表头各列所需的 {count} 个。",
    },
    Message {
        code: "import.no_priority",
        en: "The MX record on line {line} has no priority (MX优先级). Fill it in.",
        zh: "第 {line} 行的 MX 记录没有填写 MX 优先级。请补上。",
    },
    Message {
        code: "import.other_lines",
        en: "{count} {count#record is|records are} on a line other than the default (电信, 联通, 境外, …) and {count#was|were} left alone: the plan has one answer per name, taken from the default line.",
        zh: "有 {count} 条记录属于默认线路以外的线路（电信、联通、境外等），已保留不动：方案中每个名称只有一个答案，取自默认线路。",
    },
    Message {
        code: "import.paused",
        en: "{count} paused {count#record was|records were} left alone.",
        zh: "有 {count} 条已暂停的记录，已保留不动。",
    },
    Message {
        code: "import.left_alone",
        en: "{count} {count#record is|records are} not about mail ({types}) and {count#was|were} counted and left alone.",
        zh: "有 {count} 条记录与邮件无关（{types}），已计数并保留不动。",
    },
];
