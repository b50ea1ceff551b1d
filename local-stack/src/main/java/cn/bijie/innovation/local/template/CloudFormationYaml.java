package cn.bijie.innovation.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a CloudFormation/SAM template. Short tags ({@code !Ref X}, {@code !Sub ...}) become their long-form maps
 * ({@code {"Ref": "X"}}, {@code {"Fn::Sub": ...}}), so {@link IntrinsicResolver} only has to know one form.
 */
public final class CloudFormationYaml {
    private static final List<String> FUNCTIONS = List.of("Sub", "GetAtt", "Join", "If", "Select", "Equals", "Not",
            "And", "Or", "FindInMap", "Base64", "Split", "ImportValue", "GetAZs", "Cidr", "Length", "ToJsonString");

    private CloudFormationYaml() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        Object root = new Yaml(new ShortTagConstructor(options), new Representer(dumper), dumper, options,
                new CloudFormationResolver()).load(text);
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("the template is not a YAML mapping");
        }
        return (Map<String, Object>) root;
    }

    /**
     * YAML 1.1 would read On/Off/Yes/No as booleans (an event named "Off" would become the key false) and bare dates as
     * timestamps; CloudFormation values are strings, so only true/false are booleans here.
     */
    private static final class CloudFormationResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private static final class ShortTagConstructor extends SafeConstructor {
        ShortTagConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
            }
        }

        /** {@code !Name value} → {@code {"Fn::Name": value}}, whatever kind of node the value is. */
        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    // !GetAtt Table.Arn is the scalar spelling of ["Table", "Arn"]
                    value = key.equals("Fn::GetAtt") && text.contains(".")
                            ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
                            : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = new ArrayList<>(constructSequence(sequence));
                } else {
                    value = new LinkedHashMap<>(constructMapping((MappingNode) node));
                }
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(key, value);
                return longForm;
            }
        }
    }
}
