package com.workerrolewizard.core.export;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;

/**
 * The YAML writer of the CloudFormation export: strings plain where that is unambiguous (the page's actions, ARNs,
 * names), quoted otherwise. A value from outside comes back from any YAML reader (1.1 or 1.2) as the same string:
 * whatever could read as a number, a date, a boolean, null, a key, an alias or a comment is quoted, and a value with
 * a newline, a control character or anything outside ASCII is written in double quotes with escapes ({@code \n},
 * {@code \e}, {@code \u202E}), so the file holds no raw control character and every value stays on its line.
 */
final class YamlText {
    /** Plain text no YAML reader takes for anything but a string: a letter or / first, a few safe characters after. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z/][A-Za-z0-9 _.:/@+=*,()-]*");
    /** YAML 1.1 booleans and nulls, which CloudFormation's reader and cfn-lint still honour. */
    private static final Set<String> KEYWORDS = Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null");

    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]*");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private YamlText() {}

    static ObjectMapper mapper() {
        YAMLFactoryBuilder builder = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .stringQuotingChecker(new Quoting());
        return new ObjectMapper(new Factory(builder));
    }

    static boolean plain(String text) {
        return PLAIN.matcher(text).matches()
                && !KEYWORDS.contains(text.toLowerCase(Locale.ROOT))
                && !text.endsWith(" ")
                && !text.endsWith(":")
                && !text.contains(": ");
    }

    /** Keys: quoted (in double quotes) unless plain text as defined above. */
    private static final class Quoting extends StringQuotingChecker {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteName(String name) {
            return StringQuotingChecker.Default.instance().needToQuoteName(name) || !plain(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return StringQuotingChecker.Default.instance().needToQuoteValue(value) || !plain(value);
        }
    }

    /** Jackson's YAML factory, with a generator that never writes a multi-line value as a literal block. */
    private static final class Factory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        Factory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLGenerator _createGenerator(Writer out, IOContext context) throws IOException {
            return new Generator(
                    context, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec, out, _version);
        }
    }

    private static final class Generator extends YAMLGenerator {
        Generator(
                IOContext context,
                int features,
                int yamlFeatures,
                StringQuotingChecker quoting,
                com.fasterxml.jackson.core.ObjectCodec codec,
                Writer out,
                DumperOptions.Version version)
                throws IOException {
            super(context, features, yamlFeatures, quoting, codec, out, version);
        }

        @Override
        protected DumperOptions buildDumperOptions(int features, int yamlFeatures, DumperOptions.Version version) {
            DumperOptions options = super.buildDumperOptions(features, yamlFeatures, version);
            // Quoted text is written in ASCII: bidirectional controls and other invisible characters become escapes.
            options.setAllowUnicode(false);
            return options;
        }

        @Override
        public void writeString(String text) throws IOException {
            if (text == null || text.isEmpty()) {
                super.writeString(text);
                return;
            }
            _verifyValueWrite("write String value");
            _writeScalar(text, "string", style(text));
        }

        /**
         * Double quotes where escapes are needed and where Jackson quotes; plain for plain text; single quotes for
         * the rest, which Jackson would leave plain although a reader could take it for a number ({@code 12:30} is
         * 750 in YAML 1.1), a merge key or a value indicator. Dates stay in double quotes, as this export always had them.
         */
        private static DumperOptions.ScalarStyle style(String text) {
            if (!PRINTABLE_ASCII.matcher(text).matches()
                    || DATE.matcher(text).matches()
                    || StringQuotingChecker.Default.instance().needToQuoteValue(text)) {
                return DumperOptions.ScalarStyle.DOUBLE_QUOTED;
            }
            return plain(text) ? DumperOptions.ScalarStyle.PLAIN : DumperOptions.ScalarStyle.SINGLE_QUOTED;
        }
    }
}
