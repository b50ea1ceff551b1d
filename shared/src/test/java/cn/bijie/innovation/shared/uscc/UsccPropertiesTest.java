package cn.bijie.innovation.shared.uscc;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The check character of GB 32100-2015 as properties over every code, not just the handful of known ones. */
class UsccPropertiesTest {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Provide
    Arbitrary<String> first17() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofLength(17);
    }

    @Provide
    Arbitrary<String> validCodes() {
        return first17().map(f -> f + Uscc.checkCharacter(f));
    }

    @Property(seed = "20191108")
    void anySeventeenCharacters_withTheirComputedCheckCharacter_areValid(@ForAll("first17") String first17) {
        assertThat(Uscc.isValid(first17 + Uscc.checkCharacter(first17))).isTrue();
    }

    @Property(seed = "20191108")
    void anySingleCharacterChange_ofAValidCode_isInvalid(@ForAll("validCodes") String code,
            @ForAll @IntRange(min = 0, max = 17) int position, @ForAll char replacement) {
        Assume.that(code.charAt(position) != replacement);
        String changed = code.substring(0, position) + replacement + code.substring(position + 1);

        assertThat(Uscc.isValid(changed)).as(code + " → " + changed).isFalse();
    }

    @Property(seed = "20191108")
    void anySingleChange_toAnotherCharacterOfTheAlphabet_isInvalid(@ForAll("validCodes") String code,
            @ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 1, max = 30) int shift) {
        // the case a typing slip produces: still 18 characters of the alphabet, so only the check can catch it
        char replacement = ALPHABET.charAt((ALPHABET.indexOf(code.charAt(position)) + shift) % ALPHABET.length());
        String changed = code.substring(0, position) + replacement + code.substring(position + 1);

        assertThat(Uscc.isValid(changed)).as(code + " → " + changed).isFalse();
    }

    @Property(seed = "20191108")
    void anyString_isValidOnlyWhenItIs18CharactersOfTheAlphabet(@ForAll String anything) {
        boolean valid = Uscc.isValid(anything); // and never an exception, whatever the input

        assertThat(!valid || anything.matches("^[" + ALPHABET + "]{18}$")).as(anything).isTrue();
    }
}
