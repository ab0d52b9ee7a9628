package com.complaintcase.platform.privacy;

import com.complaintcase.values.PersonalData;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * Jackson (2) support for {@link PersonalData} fields in Axon's serializers: encrypted as they are written,
 * decrypted (or read as erased) as they are read, so that the event classes stay as they are and only ciphertext is
 * stored. The subject whose key encrypts a field is that of the object holding it ({@link DataSubjects}).
 */
public final class PersonalDataModule extends SimpleModule {

    private final transient PersonalDataCipher cipher;

    public PersonalDataModule(PersonalDataCipher cipher) {
        super("personal-data", Version.unknownVersion());
        this.cipher = cipher;
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new PersonalDataIntrospector(new Encrypting(cipher), new Decrypting(cipher)));
    }

    private static final class PersonalDataIntrospector extends NopAnnotationIntrospector {

        private final Encrypting encrypting;
        private final Decrypting decrypting;

        PersonalDataIntrospector(Encrypting encrypting, Decrypting decrypting) {
            this.encrypting = encrypting;
            this.decrypting = decrypting;
        }

        @Override
        public Object findSerializer(Annotated annotated) {
            return isPersonalText(annotated) ? encrypting : null;
        }

        @Override
        public Object findDeserializer(Annotated annotated) {
            return isPersonalText(annotated) ? decrypting : null;
        }

        private static boolean isPersonalText(Annotated annotated) {
            if (!annotated.hasAnnotation(PersonalData.class)) {
                return false;
            }
            if (annotated.getRawType() != String.class) {
                throw new IllegalStateException("@PersonalData marks text fields only, not " + annotated.getName());
            }
            return true;
        }
    }

    private static final class Encrypting extends StdSerializer<String> {

        private final transient PersonalDataCipher cipher;

        Encrypting(PersonalDataCipher cipher) {
            super(String.class);
            this.cipher = cipher;
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            String field = generator.getOutputContext().getCurrentName();
            generator.writeString(cipher.encrypt(DataSubjects.of(generator.currentValue()), field, value));
        }
    }

    private static final class Decrypting extends StdDeserializer<String> {

        private final transient PersonalDataCipher cipher;

        Decrypting(PersonalDataCipher cipher) {
            super(String.class);
            this.cipher = cipher;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return cipher.decrypt(parser.getValueAsString());
        }
    }
}
