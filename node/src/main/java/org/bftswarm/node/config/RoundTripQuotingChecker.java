package org.bftswarm.node.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;

/**
 * Decides when {@code config show} must quote a string value: whenever Jackson's own rules say so,
 * and also whenever the unquoted text would not read back as the very same string (for example
 * {@code 0x1F} or {@code 1e3}, which YAML readers take for numbers). Asking the reader itself keeps
 * the output round-trip safe without a hand-kept list of YAML's implicit types.
 */
final class RoundTripQuotingChecker extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final YAMLFactory PLAIN_READER = new YAMLFactory();

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || !readsBackUnchanged(value);
    }

    static boolean readsBackUnchanged(String value) {
        try (JsonParser parser = PLAIN_READER.createParser("v: " + value + "\n")) {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME) {
                return false;
            }
            JsonToken token = parser.nextToken();
            boolean same = token == JsonToken.VALUE_STRING && value.equals(parser.getText());
            return same && parser.nextToken() == JsonToken.END_OBJECT && parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
