#ifndef STEPPE_CLIBXML2_SHIM_H
#define STEPPE_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, whose headers clash with the copy inside Foundation. Nothing here
// uses libxml2's ICU converters (only pointers to the structures that hold them), so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/// Options for every feed and page: never touch the network, never load a DTD or substitute
/// external entities, keep going past errors, and say nothing on stderr.
static const int steppe_xml_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
    | XML_PARSE_RECOVER | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
static const int steppe_html_options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
    | HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;

/// libxml2 prints parse errors through a global handler; this one drops them.
static inline void steppe_xml_silence(void *context, const char *message, ...) { (void)context; (void)message; }

static inline void steppe_xml_quiet(void) {
    xmlSetGenericErrorFunc(NULL, steppe_xml_silence);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

/// `xmlFree` is a global function pointer, which Swift 6 will not read from any thread.
static inline void steppe_xml_free(void *pointer) { xmlFree(pointer); }

#endif
