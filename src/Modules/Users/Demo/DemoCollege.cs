using System.Globalization;
using CertifyTrack.Modules.Users.Admin.NewUsers;
using CertifyTrack.Modules.Users.Contracts;

namespace CertifyTrack.Modules.Users.Demo;

/// <summary>
/// The people of the demo college: four departments, two mentors and ten students each. Usernames
/// say who is who (<c>cse.mentor1</c>, <c>cse.student01</c>) and are the seeder's identity of a demo
/// account. Students cover semesters 1–8 and all three admission types, with VTU-style USNs
/// (<c>1CT24CS003</c>: region, college, year of admission, branch, roll number; lateral entrants,
/// who join in the third semester, number from 401). Mentor 1 of a department mentors its
/// students 01–05, mentor 2 the rest.
/// </summary>
internal static class DemoCollege
{
    public const string EmailDomain = "demo.example.edu";

    private const string CollegeCode = "CT";

    private static readonly Department[] Departments =
    [
        new("CSE", "CS",
            [("Kavitha", "Reddy", "Associate Professor"), ("Arjun", "Nair", "Assistant Professor")],
            ["Aarav Sharma", "Ananya Rao", "Rohan Patil", "Sneha Joshi", "Vikram Shetty", "Divya Nayak", "Karthik Bhat", "Pooja Hegde", "Nikhil Kamath", "Fatima Shaikh"]),
        new("ECE", "EC",
            [("Meera", "Iyer", "Professor"), ("Suresh", "Kulkarni", "Assistant Professor")],
            ["Aditya Kumar", "Bhavana Gowda", "Chetan Rao", "Ishita Verma", "Manoj Pillai", "Nandini Desai", "Pranav Kulkarni", "Riya Das", "Sameer Khan", "Tanvi Mehta"]),
        new("ME", "ME",
            [("Ramesh", "Gowda", "Associate Professor"), ("Lakshmi", "Menon", "Assistant Professor")],
            ["Abhishek Yadav", "Harini Srinivasan", "Gautam Reddy", "Keerthi Naik", "Lokesh Murthy", "Mahima Jain", "Naveen Shenoy", "Priyanka Acharya", "Rahul Menon", "Shruti Pai"]),
        new("CIVIL", "CV",
            [("Farhan", "Qureshi", "Professor"), ("Deepa", "Hegde", "Assistant Professor")],
            ["Akash Pawar", "Deepika Rangan", "Ganesh Hiremath", "Jyothi Kamat", "Mohan Babu", "Neha Agarwal", "Prakash Gowda", "Ritu Singh", "Sachin Kadam", "Varsha Bhat"]),
    ];

    /// <summary>
    /// Every demo user, mentors before students, as <see cref="NewUser"/>s for the admin rules.
    /// <paramref name="academicYear"/> (the calendar year the current academic year began in) dates the USNs.
    /// </summary>
    public static List<NewUser> People(string emailDomain, int academicYear)
    {
        var mentors = new List<NewUser>();
        var students = new List<NewUser>();
        foreach (var department in Departments)
        {
            for (var m = 0; m < department.Mentors.Length; m++)
            {
                var (first, last, designation) = department.Mentors[m];
                mentors.Add(Person($"{department.Code.ToLowerInvariant()}.mentor{m + 1}", first, last, emailDomain, UserKind.Mentor, department.Code,
                    employeeId: MentorEmployeeId(department, m), designation: designation));
            }

            for (var s = 0; s < department.Students.Length; s++)
            {
                var (semester, admission) = s switch
                {
                    8 => (3, AdmissionType.Lateral),
                    9 => (5, AdmissionType.Transfer),
                    _ => (s + 1, AdmissionType.Regular),
                };
                var name = department.Students[s].Split(' ', 2);
                students.Add(Person($"{department.Code.ToLowerInvariant()}.student{s + 1:D2}", name[0], name[1], emailDomain, UserKind.Student, department.Code,
                    usn: Usn(department, academicYear, semester, admission, s + 1), semester: semester, admission: admission,
                    mentorEmployeeId: MentorEmployeeId(department, s < department.Students.Length / 2 ? 0 : 1)));
            }
        }

        return [.. mentors, .. students];
    }

    /// <summary>A lateral entrant joined this academic year in the third semester; everyone else in the first, (semester − 1) / 2 years ago.</summary>
    private static string Usn(Department department, int academicYear, int semester, AdmissionType admission, int roll)
    {
        var joined = admission == AdmissionType.Lateral ? academicYear - (semester - 3) / 2 : academicYear - (semester - 1) / 2;
        var number = admission == AdmissionType.Lateral ? 401 : roll; // each department has one lateral entrant
        return string.Create(CultureInfo.InvariantCulture, $"1{CollegeCode}{joined % 100:D2}{department.Branch}{number:D3}");
    }

    private static string MentorEmployeeId(Department department, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{CollegeCode}-{department.Code}-{index + 1:D2}");

    private static NewUser Person(
        string username, string first, string last, string emailDomain, UserKind kind, string department,
        string? usn = null, int? semester = null, AdmissionType? admission = null, string? mentorEmployeeId = null,
        string? employeeId = null, string? designation = null) => new()
        {
            Path = field => ["demo", username, field],
            Label = username,
            Username = username,
            Email = $"{username}@{emailDomain}",
            FirstName = first,
            LastName = last,
            Kind = kind,
            Department = department,
            Usn = usn,
            Semester = semester,
            AdmissionType = admission,
            MentorEmployeeId = mentorEmployeeId,
            EmployeeId = employeeId,
            Designation = designation,
        };

    private sealed record Department(string Code, string Branch, (string First, string Last, string Designation)[] Mentors, string[] Students);
}
