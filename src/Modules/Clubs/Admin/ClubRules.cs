using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Shared.GraphQL.Mutations;

namespace CertifyTrack.Modules.Clubs.Admin;

/// <summary>The rules of a club's own fields (name, description, established date), apart from the resolvers.</summary>
internal static class ClubRules
{
    public const int DescriptionMaxLength = 2000;

    public static void Check(string? name, string? description, DateOnly? establishedDate, DateOnly today, bool nameRequired)
    {
        var errors = new List<UserError>();
        if (name is not null || nameRequired)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new(ClubErrorCodes.ClubNameRequired, "Give the club a name.", ["input", "name"]));
            }
            else if (name.Trim().Length > Club.NameMaxLength)
            {
                errors.Add(new(ClubErrorCodes.ClubNameTooLong, $"A club name has at most {Club.NameMaxLength} characters.", ["input", "name"]));
            }
        }

        if (description?.Length > DescriptionMaxLength)
        {
            errors.Add(new(ClubErrorCodes.DescriptionTooLong, $"A description has at most {DescriptionMaxLength} characters.", ["input", "description"]));
        }

        if (establishedDate > today)
        {
            errors.Add(new(ClubErrorCodes.EstablishedDateInFuture, "The established date cannot be in the future.", ["input", "establishedDate"]));
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(errors);
        }
    }

    public static UserError NameTaken() => new(ClubErrorCodes.ClubNameTaken, "A club with this name exists (names ignore case).", ["input", "name"]);
}
