package org.tipline.gateway.intake.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.tipline.gateway.intake.validation.WebUrl;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where the incident took place online (or not): each entry has exactly one {@code kind}, and only that kind's fields.
 * {@code GENERATIVE_MODEL} is not in NCMEC's schema; it describes a model or tool made or tuned to produce abuse
 * imagery.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = InternetDetail.WebPage.class, name = "WEB_PAGE"),
        @JsonSubTypes.Type(value = InternetDetail.EmailIncident.class, name = "EMAIL"),
        @JsonSubTypes.Type(value = InternetDetail.Newsgroup.class, name = "NEWSGROUP"),
        @JsonSubTypes.Type(value = InternetDetail.ChatIm.class, name = "CHAT_IM"),
        @JsonSubTypes.Type(value = InternetDetail.OnlineGaming.class, name = "ONLINE_GAMING"),
        @JsonSubTypes.Type(value = InternetDetail.CellPhone.class, name = "CELL_PHONE"),
        @JsonSubTypes.Type(value = InternetDetail.NonInternet.class, name = "NON_INTERNET"),
        @JsonSubTypes.Type(value = InternetDetail.PeerToPeer.class, name = "PEER_TO_PEER"),
        @JsonSubTypes.Type(value = InternetDetail.GenerativeModel.class, name = "GENERATIVE_MODEL")})
@Schema(oneOf = {InternetDetail.WebPage.class, InternetDetail.EmailIncident.class, InternetDetail.Newsgroup.class,
        InternetDetail.ChatIm.class, InternetDetail.OnlineGaming.class, InternetDetail.CellPhone.class,
        InternetDetail.NonInternet.class, InternetDetail.PeerToPeer.class,
        InternetDetail.GenerativeModel.class}, discriminatorProperty = "kind",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "WEB_PAGE", schema = InternetDetail.WebPage.class),
                @DiscriminatorMapping(value = "EMAIL", schema = InternetDetail.EmailIncident.class),
                @DiscriminatorMapping(value = "NEWSGROUP", schema = InternetDetail.Newsgroup.class),
                @DiscriminatorMapping(value = "CHAT_IM", schema = InternetDetail.ChatIm.class),
                @DiscriminatorMapping(value = "ONLINE_GAMING", schema = InternetDetail.OnlineGaming.class),
                @DiscriminatorMapping(value = "CELL_PHONE", schema = InternetDetail.CellPhone.class),
                @DiscriminatorMapping(value = "NON_INTERNET", schema = InternetDetail.NonInternet.class),
                @DiscriminatorMapping(value = "PEER_TO_PEER", schema = InternetDetail.PeerToPeer.class),
                @DiscriminatorMapping(value = "GENERATIVE_MODEL", schema = InternetDetail.GenerativeModel.class)})
public sealed interface InternetDetail {

    /** The incident was on a web page. */
    @Schema(requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "WEB_PAGE"))
    record WebPage(@Size(max = Limits.MANY_ITEMS) List<@NotNull @WebUrl String> urls, Boolean thirdPartyHostedContent,
            @Size(max = Limits.TEXT) String additionalInfo) implements InternetDetail {
    }

    /** The incident was by email; each address must also appear on a party. */
    @Schema(requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "EMAIL"))
    record EmailIncident(@Size(max = Limits.ITEMS) List<@NotNull @Valid Email> emailAddresses,
            @Size(max = Limits.TEXT) String content, @Size(max = Limits.TEXT) String additionalInfo)
            implements
                InternetDetail,
                HasEmailAddresses {
    }

    /** The incident was in a newsgroup; each address must also appear on a party. */
    @Schema(requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "NEWSGROUP"))
    record Newsgroup(@Size(max = 255) String name, @Size(max = Limits.ITEMS) List<@NotNull @Valid Email> emailAddresses,
            @Size(max = Limits.TEXT) String content, @Size(max = Limits.TEXT) String additionalInfo)
            implements
                InternetDetail,
                HasEmailAddresses {
    }

    /** The incident was in a chat or instant message. */
    @Schema(requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "CHAT_IM"))
    record ChatIm(@Size(max = 255) String chatClient, @Size(max = 255) String chatRoomName,
            @Size(max = Limits.TEXT) String content, @Size(max = Limits.TEXT) String additionalInfo)
            implements
                InternetDetail {
    }

    /** The incident was in an online game. */
    @Schema(requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "ONLINE_GAMING"))
    record OnlineGaming(@Size(max = 255) String gameName, @Size(max = 255) String console,
            @Size(max = Limits.TEXT) String content, @Size(max = Limits.TEXT) String additionalInfo)
            implements
                InternetDetail {
    }

    /** The incident was mainly by cell phone. */
    @Schema(requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "CELL_PHONE"))
    record CellPhone(@Valid Phone phoneNumber, @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude, @Size(max = Limits.TEXT) String additionalInfo)
            implements
                InternetDetail {
    }

    /** The incident had no online part (face to face, printed material). */
    @Schema(requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "NON_INTERNET"))
    record NonInternet(@Size(max = 255) String locationName,
            @Size(max = Limits.ITEMS) List<@NotNull @Valid Address> addresses,
            @Size(max = Limits.TEXT) String additionalInfo) implements InternetDetail {
    }

    /** The incident was on a peer-to-peer network. */
    @Schema(requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "PEER_TO_PEER"))
    record PeerToPeer(@Size(max = 255) String client,
            @Size(max = Limits.ITEMS) List<@NotNull @Valid IpCaptureEvent> ipCaptureEvents,
            @Size(max = Limits.TEXT) String fileNames, @Size(max = Limits.TEXT) String additionalInfo)
            implements
                InternetDetail {
    }

    /** A model or tool made or tuned to produce abuse imagery. */
    @Schema(requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "GENERATIVE_MODEL"))
    record GenerativeModel(@Size(max = 256) String modelName,
            @Size(max = Limits.MANY_ITEMS) List<@NotNull @WebUrl String> urls,
            @Size(max = Limits.MANY_ITEMS) List<@NotNull @Valid Hash> fileHashes, @Size(max = 256) String baseModel,
            Boolean trainedOnRealVictims, @Size(max = Limits.TEXT) String additionalInfo) implements InternetDetail {
    }

    /** Kinds whose addresses must appear on a party. */
    interface HasEmailAddresses {

        List<Email> emailAddresses();
    }
}
