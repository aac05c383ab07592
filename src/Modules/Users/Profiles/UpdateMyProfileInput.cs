using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Profiles;

/// <summary>
/// Every profile field, all optional. The fields a role may not change are in the input on purpose:
/// asking for them answers <c>NOT_ALLOWED</c> naming the field instead of silently ignoring it.
/// </summary>
internal sealed class UpdateMyProfileInput
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? PhoneNumber { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Address { get; set; }

    public string? EmergencyContactName { get; set; }

    public string? EmergencyContactPhone { get; set; }

    public string? Designation { get; set; }

    public string? Qualifications { get; set; }

    public string? Bio { get; set; }

    public string? Usn { get; set; }

    public string? Department { get; set; }

    public int? Semester { get; set; }

    public AdmissionType? AdmissionType { get; set; }

    public string? EmployeeId { get; set; }
}

internal sealed class UpdateMyProfileInputType : InputObjectGraphType<UpdateMyProfileInput>
{
    public UpdateMyProfileInputType()
    {
        Field(i => i.FirstName, nullable: true);
        Field(i => i.LastName, nullable: true);
        Field(i => i.PhoneNumber, nullable: true);
        Field(i => i.DateOfBirth, nullable: true);
        Field(i => i.Address, nullable: true);
        Field(i => i.EmergencyContactName, nullable: true);
        Field(i => i.EmergencyContactPhone, nullable: true);
        Field(i => i.Designation, nullable: true).Description("Mentors only.");
        Field(i => i.Qualifications, nullable: true).Description("Mentors only.");
        Field(i => i.Bio, nullable: true).Description("Mentors only.");
        Field(i => i.Usn, nullable: true).Description("Admins change it; anyone else gets NOT_ALLOWED.");
        Field(i => i.Department, nullable: true).Description("Admins change it; anyone else gets NOT_ALLOWED.");
        Field(i => i.Semester, nullable: true).Description("Admins change it; anyone else gets NOT_ALLOWED.");
        Field<AdmissionTypeGraphType>("admissionType").Description("Admins change it; anyone else gets NOT_ALLOWED.");
        Field(i => i.EmployeeId, nullable: true).Description("Admins change it; anyone else gets NOT_ALLOWED.");
    }
}
